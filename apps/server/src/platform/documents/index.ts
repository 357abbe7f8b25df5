import type { z } from 'zod';
import { mediationAgreementDocumentSchema, petitionOpinionDocumentSchema } from '@gewu/domain';
import { badRequest } from '../errors.ts';
import { mediationAgreementSpec } from './mediation-agreement.ts';
import { petitionOpinionSpec } from './petition-opinion.ts';
import { type ReceptionReceiptDocument, receptionReceiptSpec } from './reception-receipt.ts';
import { renderDocument, unsupportedCharacters, type DocumentSpec } from './render.ts';

/*
 * Printable documents. A module builds a template's input from its records and calls
 * `renderMediationAgreement` / `renderPetitionOpinion`; it gets the PDF's bytes back to send (as
 * `application/pdf`) or to store. The input is checked here again: an incomplete one (no terms, a
 * side without a party) is a 400 `document.invalid` whose details name the fields, never their values.
 *
 * These documents carry the parties' full names, addresses and phone numbers: never log an input
 * or a document, and send one only to someone entitled to see every party in it.
 */

export { renderDocument, unsupportedCharacters, type DocumentSpec } from './render.ts';
export { mediationAgreementSpec, MEDIATION_AGREEMENT_EFFECT } from './mediation-agreement.ts';
export { petitionOpinionSpec, petitionReviewRight } from './petition-opinion.ts';
export { receptionReceiptSpec, RECEPTION_RECEIPT_TITLE, type ReceptionReceiptDocument } from './reception-receipt.ts';

export const documentInvalid = (details: { path: string; message: string }[]) =>
  badRequest('document.invalid', '文书内容不完整或有误，无法生成', details);

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw documentInvalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/** A rendered document and the characters it holds that the typeface cannot draw (see `unsupportedCharacters`). */
export interface RenderedDocument {
  pdf: Buffer;
  unsupported: string[];
}

async function render(spec: DocumentSpec): Promise<RenderedDocument> {
  return { pdf: await renderDocument(spec), unsupported: unsupportedCharacters(spec) };
}

/** 人民调解协议书 as a PDF. Rejects with `document.invalid` (400) when the input is incomplete. */
export async function renderMediationAgreement(input: unknown): Promise<RenderedDocument> {
  return render(mediationAgreementSpec(parse(mediationAgreementDocumentSchema, input)));
}

/** 信访事项处理意见书 (or 复查意见书) as a PDF. Rejects with `document.invalid` (400) when the input is incomplete. */
export async function renderPetitionOpinion(input: unknown): Promise<RenderedDocument> {
  return render(petitionOpinionSpec(parse(petitionOpinionDocumentSchema, input)));
}

/** 来访登记回执 as a PDF (built by the reception module from its own records: the visitor masked, no phone). */
export async function renderReceptionReceipt(doc: ReceptionReceiptDocument): Promise<RenderedDocument> {
  return render(receptionReceiptSpec(doc));
}
