import { Bitrix24Error } from '@audiobot/bitrix24';

/**
 * Why no client can be made for a portal: not installed, its tokens lost after a
 * refused refresh, or the configured application credentials refused. A `credentials`
 * error that no retry cures: the sync records it as such and stops, the doctor names
 * the fix, and nothing is sent to the portal.
 */
export type ApplicationStateCode =
  | 'application_not_installed'
  | 'application_tokens_lost'
  | 'application_credentials_refused';

export class ApplicationStateError extends Bitrix24Error {
  override readonly code: ApplicationStateCode;

  constructor(
    code: ApplicationStateCode,
    readonly memberId: string,
    description: string,
  ) {
    super({
      kind: 'credentials',
      code,
      description,
      status: null,
      method: null,
      missingScope: null,
      retryable: false,
    });
    this.code = code;
  }

  static notInstalled(memberId: string): ApplicationStateError {
    return new ApplicationStateError(
      'application_not_installed',
      memberId,
      'the application is not installed on this portal',
    );
  }

  static tokensLost(memberId: string): ApplicationStateError {
    return new ApplicationStateError(
      'application_tokens_lost',
      memberId,
      'the portal refused to refresh the application tokens: reinstall the application',
    );
  }

  static badClient(memberId: string): ApplicationStateError {
    return new ApplicationStateError(
      'application_credentials_refused',
      memberId,
      'the OAuth server refused the application id or secret: check BITRIX_APPLICATION_ID ' +
        'and BITRIX_APPLICATION_SECRET',
    );
  }
}
