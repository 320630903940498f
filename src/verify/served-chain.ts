/**
 * The downloaded chain, checked in full but parsed only as far as it is used.
 * Every block must pass the PEM rules of pem.ts and be shaped like a DER
 * certificate (der-shape.ts), or the whole chain is `invalid-pem`, exactly as
 * when everything was parsed up front. Building a pkijs certificate is the
 * expensive part (about 1 ms each), and the path to an anchor usually ends
 * after the leaf and its issuing CA, so certificates are built one at a time,
 * when the path walk reaches them; one that pkijs cannot read is
 * `invalid-pem` at that point. A certificate the walk never reaches (a
 * cross-signed root above the anchor) is checked for shape only.
 */
import type * as pkijs from "pkijs";
import { requireCertificateShape, type CertificateShape } from "./der-shape.js";
import { parseCertificateDer, readPemCertificates } from "./pem.js";

export class ServedChain {
  private readonly parsed: (pkijs.Certificate | undefined)[];

  private constructor(
    private readonly ders: readonly Uint8Array<ArrayBuffer>[],
    private readonly shapes: readonly CertificateShape[],
  ) {
    this.parsed = new Array<pkijs.Certificate | undefined>(ders.length);
  }

  /** Reads the PEM text and checks every block's shape; throws `invalid-pem`. */
  static fromPem(text: string): ServedChain {
    const ders = readPemCertificates(text);
    const shapes = ders.map((der, index) => requireCertificateShape(der, index));
    return new ServedChain(ders, shapes);
  }

  get length(): number {
    return this.ders.length;
  }

  /** The pkijs certificate at `index` (0 is the leaf), built on first use. */
  certificate(index: number): pkijs.Certificate {
    const der = this.ders[index];
    if (der === undefined) throw new RangeError(`no certificate ${index} in a chain of ${this.length}`);
    return (this.parsed[index] ??= parseCertificateDer(der, index, this.shapes[index]?.subjectPublicKeyInfo));
  }

  /** The certificates in served order, each built only when the iteration reaches it. */
  *certificates(): IterableIterator<pkijs.Certificate> {
    for (let index = 0; index < this.length; index++) yield this.certificate(index);
  }

  /** DER SubjectPublicKeyInfo of certificate `index`, the bytes its signature covers. */
  subjectPublicKeyInfo(index: number): Uint8Array {
    const shape = this.shapes[index];
    if (shape === undefined) throw new RangeError(`no certificate ${index} in a chain of ${this.length}`);
    return shape.subjectPublicKeyInfo;
  }
}
