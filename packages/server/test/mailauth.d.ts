// mailauth ships no types; this is the part the DKIM test uses (lib/dkim/verify.js).
declare module 'mailauth/lib/dkim/verify.js' {
  export function dkimVerify(
    message: Buffer | string,
    options?: { resolver?: (name: string, type: string) => Promise<string[][]> },
  ): Promise<{ results: { signingDomain: string; selector: string; status: { result: string; comment?: string } }[] }>;
}
