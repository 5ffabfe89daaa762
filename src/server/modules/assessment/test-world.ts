/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are JSON; each test asserts the shape it needs */
import { expect } from 'vitest';
import { makeCreditCode } from '../../../domain/credit-code';
import type { ApiClient } from '../../test/harness';

/** Builders shared by the assessment and dashboard tests: projects moved through the real API. */

let seq = 0;
let creditSeed = 70_000 + Math.floor(Math.random() * 10_000) * 10;

export async function enterprise(client: ApiClient, tags: string[] = []): Promise<string> {
  const res = await client.post('/api/enterprises', {
    name: `考核测试企业${++seq}号有限公司`,
    creditCode: makeCreditCode(++creditSeed),
    tags,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

export async function project(client: ApiClient, body: Record<string, unknown>): Promise<any> {
  const res = await client.post('/api/projects', {
    name: `考核测试项目${String.fromCharCode(0x4e00 + (++seq % 500))}${seq}`,
    totalInvestmentWan: '8000',
    sourceChannel: '以商招商',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function agreement(client: ApiClient): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('投资协议')], { type: 'application/pdf' }), '投资协议.pdf');
  const res = await client.post('/api/files', form);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

export async function transition(client: ApiClient, id: string, body: Record<string, unknown>): Promise<any> {
  const res = await client.post(`/api/projects/${id}/transitions`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Signs a project on `signingDate` for `contractAmountWan` (default: its total investment). */
export async function sign(
  client: ApiClient,
  id: string,
  signingDate: string,
  contractAmountWan?: string,
): Promise<any> {
  const current = await client.get(`/api/projects/${id}`);
  return transition(client, id, {
    to: 'signed',
    signingDate,
    contractAmountWan: contractAmountWan ?? current.body.totalInvestmentWan,
    parties: ['政府', '投资方'],
    agreementFileId: await agreement(client),
  });
}

export async function report(
  client: ApiClient,
  id: string,
  month: string,
  fundsInPlaceWan: string,
  correctionReason?: string,
) {
  const res = await client.post(`/api/projects/${id}/reports`, {
    month,
    text: `${month} 进展`,
    substantiveProgress: true,
    fundsInPlaceWan,
    ...(correctionReason ? { correctionReason } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
