import { createHash } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { auditClient, recordAudit, recordExport } from '../audit/service';
import { presentFile } from './presenter';
import * as repo from './repository';
import { ZFile, ZProjectParams, type TFile } from './schema';

/** Uploaded documents (agreements, ledgers) are kept in the database, up to this size each. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const missingFile = () =>
  new AppError('VALIDATION', {
    fields: [
      { field: 'body.file', zh: '请选择要上传的文件（字段名 file）', en: 'Choose a file to upload (field "file")' },
    ],
  });

/** A file name without any directory part or control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 255) || 'file';
}

/** Viewers read only; checked before the upload is read, so a refused caller sends nothing to store. */
export function requireUploader(auth: AuthContext): void {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', { detail: { zh: '您的角色不能上传文件', en: 'Your role cannot upload files' } });
  }
}

/** Stores one upload in the caller's region, with its sha256, and audits it. */
export async function uploadFile(
  db: Db,
  auth: AuthContext,
  upload: { name: string; mimeType: string; data: Buffer },
): Promise<TFile> {
  requireUploader(auth);
  if (upload.data.length === 0) {
    throw new AppError('VALIDATION', { fields: [{ field: 'body.file', zh: '文件为空', en: 'The file is empty' }] });
  }
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  return db.transaction(async (tx) => {
    const meta = await repo.insertFile(tx, {
      name: cleanFileName(upload.name),
      mimeType: upload.mimeType || 'application/octet-stream',
      size: upload.data.length,
      sha256,
      data: upload.data,
      regionCode: auth.user.regionCode,
      uploadedBy: auth.user.id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'file.uploaded',
      entity: 'file',
      entityId: meta.id,
      regionCode: meta.regionCode,
      after: presentFile(meta),
    });
    return presentFile(meta);
  });
}

/** The bytes of a file the caller may see; anything else is a 404. */
export async function downloadFile(db: Db, auth: AuthContext, id: string) {
  const file = await repo.findFileWithData(db, auth.scope, id);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

async function readUpload(part: MultipartFile | undefined): Promise<Buffer> {
  if (!part || part.fieldname !== 'file') throw missingFile();
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', {
      detail: { zh: '文件不能超过 20 MB', en: 'A file may be at most 20 MB' },
      fields: [{ field: 'body.file', zh: '文件不能超过 20 MB', en: 'A file may be at most 20 MB' }],
    });
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  // The stream flags truncation even where the size error does not surface: never store a cut file.
  if (part.file.truncated || data.length > MAX_FILE_BYTES) throw tooLarge();
  return data;
}

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.post(
    '/api/files',
    {
      config: { action: 'project.write' },
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart, field "file", at most 20 MB) / 上传文件',
        consumes: ['multipart/form-data'],
        response: { 201: ZFile },
      },
    },
    async (req, reply) => {
      requireUploader(req.auth);
      let part: MultipartFile | undefined;
      try {
        part = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            detail: { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' },
          });
        }
        throw err;
      }
      const data = await readUpload(part);
      const saved = await uploadFile(db, req.auth, { name: part!.filename, mimeType: part!.mimetype, data });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { action: 'read' },
      schema: {
        tags: ['files'],
        summary: 'Download a file / 下载文件',
        params: ZProjectParams,
        response: { 200: z.unknown().describe('The file bytes, with its MIME type / 文件内容') },
      },
    },
    async (req, reply) => {
      const file = await downloadFile(db, req.auth, req.params.id);
      await recordExport(db, req.auth, { what: 'file', id: req.params.id, name: file.name }, auditClient(req));
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-sha256', file.sha256)
        .send(Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data));
    },
  );
};
