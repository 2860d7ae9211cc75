import type { Redactor } from '../redaction/redactor.js';
import type { RequestAuth } from './request-auth.js';
import { describeWebhook, parseWebhookUrl, type WebhookAddress } from './webhook-url.js';

/** An incoming webhook authorises by its path; there is nothing to refresh. */
export class WebhookAuth implements RequestAuth {
  readonly restBase: string;
  private readonly address: WebhookAddress;

  constructor(webhookUrl: string, redactor: Redactor) {
    this.address = parseWebhookUrl(webhookUrl);
    redactor.addSecret(this.address.code);
    this.restBase = this.address.restBase;
  }

  describe(): string {
    return describeWebhook(this.address);
  }

  async accessToken(): Promise<null> {
    return null;
  }

  async recover(): Promise<boolean> {
    return false;
  }
}
