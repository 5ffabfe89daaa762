import { ACTIONS, can, isRouteAction } from '../../domain/permissions';
import { AppError } from '../../domain/errors';
import type { SwaggerTransform } from '@fastify/swagger';
import type { AuthContext } from './auth-context';

/**
 * The first authorization layer, run by the auth hook for every signed-in route before validation or
 * any database read: the caller's role must hold the route's declared action. A route that declares
 * neither an action nor `public` is refused to everyone (and fails src/server/authz-matrix.test.ts).
 */
export function requireRouteAction(auth: AuthContext, action: unknown): void {
  if (!isRouteAction(action)) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '该接口未声明所需权限，已拒绝', en: 'This route declares no permission, so it is refused' },
    });
  }
  if (can(auth.user.role, action)) return;
  const what = ACTIONS[action];
  throw new AppError('FORBIDDEN', {
    detail: {
      zh: `您的角色无权${what.zh}（需要权限 ${action}）`,
      en: `Your role may not ${what.en} (needs the action ${action})`,
    },
  });
}

/**
 * Wraps the OpenAPI transform so every operation states the permission it needs as `x-action`
 * (an action of src/domain/permissions.ts, `signed-in`, or `public`): the authorization matrix
 * test reads it from /api/openapi.json, and so can any client.
 */
export function withDeclaredAction(transform: SwaggerTransform): SwaggerTransform {
  return (args) => {
    const result = transform(args);
    const config = args.route.config;
    const action = config?.public ? 'public' : isRouteAction(config?.action) ? config.action : undefined;
    if (!action || !result.schema) return result;
    return { ...result, schema: { ...result.schema, 'x-action': action } as typeof result.schema };
  };
}
