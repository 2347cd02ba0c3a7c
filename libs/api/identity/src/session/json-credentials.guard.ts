import { Injectable, UnsupportedMediaTypeException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Credentials come as JSON only: a cross-site HTML form cannot send it, which closes login CSRF.
 * A guard, so that it speaks before the body is looked at.
 */
@Injectable()
export class JsonCredentialsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest<FastifyRequest>().headers['content-type']?.startsWith('application/json')) {
      throw new UnsupportedMediaTypeException({ message: 'Send the credentials as application/json.' });
    }
    return true;
  }
}
