import { Controller, Get, Inject, NotFoundException, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../public.decorator';
import { CONSOLE_INDEX, CONSOLE_INDEX_FILE, type ConsoleIndex } from './console-assets';

/**
 * The console is a single-page app under /admin: every path that is not a built file or the API
 * gets its index.html, so deep links and reloads work. It is sent like the built files
 * (serveConsoleAssets): compressed as the browser accepts, never cached without asking.
 */
@Public()
@Controller('admin')
export class ConsoleController {
  constructor(@Inject(CONSOLE_INDEX) private readonly index: ConsoleIndex) {}

  @Get()
  root(@Res() reply: FastifyReply) {
    return this.send(reply);
  }

  @Get('*')
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (request.url.startsWith('/admin/api/') || request.url === '/admin/api') {
      throw new NotFoundException({ message: `Cannot GET ${request.url.split('?')[0]}` });
    }
    return this.send(reply);
  }

  private send(reply: FastifyReply) {
    if (!this.index.built) {
      throw new ServiceUnavailableException({ message: 'The console has not been built yet: run `npm start` or `npm run build`.' });
    }
    return reply.sendFile(CONSOLE_INDEX_FILE);
  }
}
