/** A message in both interface languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One failing field: its path (e.g. `body.creditCode`) and why, in both languages. */
export interface FieldError extends Bilingual {
  field: string;
}

/**
 * Stable error codes. The server maps each code once to an HTTP status and a problem+json body;
 * domain code and services only ever throw {@link AppError}.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, zh: '请求内容有误', en: 'The request is invalid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '账号已临时锁定', en: 'The account is temporarily locked' },
  TOTP_INVALID: { status: 401, zh: '动态验证码或恢复码不正确', en: 'Wrong authenticator code or recovery code' },
  AUTH_STEP_REQUIRED: {
    status: 403,
    zh: '请先完成登录所需的安全步骤',
    en: 'Finish the security step your sign-in requires first',
  },
  CSRF: { status: 403, zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and retry' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such route' },
  VERSION_CONFLICT: { status: 409, zh: '数据已被他人修改', en: 'Someone else changed this record' },
  PROJECT_STAGE_GATE: {
    status: 400,
    zh: '项目不满足变更阶段的条件',
    en: 'The project does not meet the conditions for this stage change',
  },
  FIRST_REPORT_CONFLICT: {
    status: 409,
    zh: '该项目与其他地区首报项目冲突，待上级投促中心协调',
    en: 'The project conflicts with another region’s first report and awaits the higher-level centre’s decision',
  },
  PRE_SIGNING_FILING: {
    status: 400,
    zh: '重大签约项目未按规定提前报备',
    en: 'The major signing was not filed in advance as required',
  },
  REVIEW_REQUIRED: {
    status: 400,
    zh: '重大项目须经评审会集体决策同意后方可签约',
    en: 'A major project needs an approving collective review before signing',
  },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  URI_TOO_LONG: { status: 414, zh: '请求地址或其中的参数过长', en: 'The address or one of its parameters is too long' },
  HEADERS_TOO_LARGE: {
    status: 431,
    zh: '请求地址或请求头过长',
    en: 'The address or the request headers are too large',
  },
  REQUEST_TIMEOUT: { status: 408, zh: '请求发送超时', en: 'The request took too long to arrive' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  BUSY: { status: 503, zh: '系统繁忙，请稍后重试', en: 'The system is busy; try again' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number } & Bilingual>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Bilingual;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, options: { detail?: Bilingual; fields?: FieldError[] } = {}) {
    super(options.detail?.en ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields ?? [];
  }
}

/** Shorthand for a validation error on one field. */
export function fieldError(field: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION', { fields: [{ field, zh, en }] });
}
