/**
 * Why no client can be made for a portal: not installed, its tokens lost after a
 * refused refresh, or the configured application credentials refused. Operational:
 * retrying does not help until an admin acts; the doctor names the fix.
 */
export type ApplicationStateCode =
  | 'application_not_installed'
  | 'application_tokens_lost'
  | 'application_credentials_refused';

export class ApplicationStateError extends Error {
  override readonly name = 'ApplicationStateError';
  readonly retryable = false;

  constructor(
    readonly code: ApplicationStateCode,
    readonly memberId: string,
    message: string,
  ) {
    super(message);
  }

  static notInstalled(memberId: string): ApplicationStateError {
    return new ApplicationStateError(
      'application_not_installed',
      memberId,
      'The application is not installed on this portal.',
    );
  }

  static tokensLost(memberId: string): ApplicationStateError {
    return new ApplicationStateError(
      'application_tokens_lost',
      memberId,
      'The portal refused to refresh the application tokens: reinstall the application.',
    );
  }

  static badClient(memberId: string): ApplicationStateError {
    return new ApplicationStateError(
      'application_credentials_refused',
      memberId,
      'The OAuth server refused the application id or secret: check BITRIX_APPLICATION_ID ' +
        'and BITRIX_APPLICATION_SECRET.',
    );
  }
}
