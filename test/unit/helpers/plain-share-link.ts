// A share link as every version before compression made it, and as a browser without
// CompressionStream still does: `v<version>.<tool>.<base64url of the UTF-8 JSON>`. Written out here,
// apart from the encoder, so the tests pin that such links keep opening whatever the encoder makes.
import { base64UrlEncode, utf8Encode } from '../../../src/core/share-link';

export function plainShareLink(tool: string, version: number, state: unknown): string {
  return `v${version}.${tool}.${base64UrlEncode(utf8Encode(JSON.stringify(state)))}`;
}
