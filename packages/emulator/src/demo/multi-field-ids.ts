import type { MultiFieldValue } from '../snapshot/snapshot-format.js';

/**
 * Phones and e-mails of companies and contacts share one id sequence in Bitrix24
 * (the multi-field table), so one counter serves both.
 */
export class MultiFieldIds {
  private last = 1000;

  value(typeId: MultiFieldValue['TYPE_ID'], valueType: string, value: string): MultiFieldValue {
    this.last += 1;
    return { ID: String(this.last), VALUE_TYPE: valueType, VALUE: value, TYPE_ID: typeId };
  }
}
