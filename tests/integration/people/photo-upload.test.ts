// Photo upload from Mijn profiel: every photo is re-encoded, turned upright and stripped of metadata;
// anything that is not a usable photo is refused with a reason and leaves the old photo in place.
import { readFileSync } from "node:fs";
import { deflateSync, crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAvatarPhoto, createOrganisation, type Organisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, cameraJpeg, createMember, photoForm, photoIdOf, photoRowsOf, setProfileFields, type Member } from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// Whether a HEIC decoder is installed is the machine's business; these tests choose.
const heic = vi.hoisted(() => ({ decoder: null as null | import("@/lib/people/heic-decoder").HeicDecoder }));
vi.mock("@/lib/people/heic-decoder", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/people/heic-decoder")>();
  return { ...original, loadHeicDecoder: async () => heic.decoder };
});

const { uploadMyPhoto, removeMyPhoto } = await import("@/lib/people/actions");
const { processUploadedPhoto, sniffPhotoType, MAX_PHOTO_BYTES } = await import("@/lib/people/photo-processing");
const { ImageTooLargeError } = await import("@/lib/people/heic-decoder");

let database: TestDatabase;
let organisation: Organisation;
let member: Member;

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Fotoboek" });
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  heic.decoder = null;
  member = await createMember(database.db, organisation);
  await createAvatarPhoto(database.db, member.person);
  signInAs(await actorOf(member));
});

const idle = { status: "idle" } as const;

/** True when a JPEG's EXIF block points to a GPS directory (tag 0x8825 in IFD0). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return hasGpsTag(exif.subarray(exif.indexOf("Exif\0\0", 0, "latin1") + 6));
}

/** True when a TIFF block (the body of any EXIF) has the GPS directory tag (0x8825) in IFD0. */
function hasGpsTag(tiff: Buffer): boolean {
  const littleEndian = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (offset: number) => (littleEndian ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const u32 = (offset: number) => (littleEndian ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset));
  const ifd = u32(4);
  for (let entry = 0; entry < u16(ifd); entry++) if (u16(ifd + 2 + entry * 12) === 0x8825) return true;
  return false;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid ~50 kB PNG whose header says 20000×20000 pixels (1-bit grey, all
 * zeros, which deflate squeezes 1000:1). Built by hand: asking sharp to create it would itself
 * allocate the 400 megapixels.
 */
function pngBomb(size = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const scanlines = Buffer.alloc((1 + Math.ceil(size / 8)) * size);
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(scanlines, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function heicHeader(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypheic", 4, "latin1");
  box.write("mif1heic", 16, "latin1");
  return Buffer.concat([box, Buffer.alloc(500)]);
}

describe("a member uploads a photo", () => {
  it("stores a camera JPEG as a 512 px and a 128 px WebP with no metadata left, GPS included", async () => {
    const jpeg = await sharp(await cameraJpeg(1600, 1200))
      .withExif({ IFD0: { Make: "Fairphone", Model: "FP5" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 9/1 3012/100", GPSLongitudeRef: "E", GPSLongitude: "5/1 23/1 1234/100" } })
      .jpeg()
      .toBuffer();
    expect(hasGpsIfd((await sharp(jpeg).metadata()).exif)).toBe(true);

    const result = await uploadMyPhoto(idle, photoForm(jpeg));
    expect(result).toEqual({ status: "saved" });

    const [stored] = await photoRowsOf(database.db, member.person.id);
    expect(await photoIdOf(database.db, member.person.id)).toBe(stored.id);
    for (const [bytes, longest] of [[stored.large, 512], [stored.small, 128]] as const) {
      const metadata = await sharp(bytes).metadata();
      expect(metadata.format).toBe("webp");
      expect(Math.max(metadata.width ?? 0, metadata.height ?? 0)).toBe(longest);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    }
  });

  it("turns a photo upright from its EXIF orientation (6: rotate 90°), so the stored dimensions are swapped", async () => {
    const sideways = await sharp(await cameraJpeg(400, 200)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await sharp(sideways).metadata()).toMatchObject({ width: 400, height: 200, orientation: 6 });

    expect(await uploadMyPhoto(idle, photoForm(sideways))).toEqual({ status: "saved" });

    const [stored] = await photoRowsOf(database.db, member.person.id);
    expect(await sharp(stored.large).metadata()).toMatchObject({ width: 200, height: 400 });
    expect(await sharp(stored.small).metadata()).toMatchObject({ width: 64, height: 128 });
  });

  it.each([
    { label: "a PNG", make: () => sharp(pngBomb(64)).png().toBuffer(), name: "scherm.png", type: "image/png" },
    { label: "a WebP", make: async () => sharp(await cameraJpeg()).webp().toBuffer(), name: "foto.webp", type: "image/webp" },
    { label: "an AVIF (HEIF with AV1)", make: async () => sharp(await cameraJpeg()).avif().toBuffer(), name: "foto.avif", type: "image/avif" },
    { label: "a JPEG whose name and type claim PNG", make: () => cameraJpeg(), name: "foto.png", type: "image/png" },
  ])("accepts $label", async ({ make, name, type }) => {
    expect(await uploadMyPhoto(idle, photoForm(await make(), name, type))).toEqual({ status: "saved" });
    const rows = await photoRowsOf(database.db, member.person.id);
    expect(rows).toHaveLength(1);
    expect((await sharp(rows[0].large).metadata()).format).toBe("webp");
  });

  it("replaces the old photo: one row stays, at a new address", async () => {
    const before = await photoIdOf(database.db, member.person.id);
    await uploadMyPhoto(idle, photoForm(await cameraJpeg()));
    const rows = await photoRowsOf(database.db, member.person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toBe(before);
    expect(await photoIdOf(database.db, member.person.id)).toBe(rows[0].id);
  });
});

describe("refused uploads leave the old photo in place", () => {
  it.each([
    { label: "a 20000×20000 PNG decompression bomb", make: async () => pngBomb(), name: "bom.png", type: "image/png", reason: "tooManyPixels" },
    {
      label: "an SVG with a script",
      make: async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'),
      name: "foto.svg",
      type: "image/svg+xml",
      reason: "unsupportedType",
    },
    {
      label: "an SVG named .jpg and sent as image/jpeg",
      make: async () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
      name: "foto.jpg",
      type: "image/jpeg",
      reason: "unsupportedType",
    },
    { label: "a PDF", make: async () => Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), name: "cv.pdf", type: "application/pdf", reason: "unsupportedType" },
    { label: "a text file renamed to .jpg", make: async () => Buffer.from("Dit is mijn pasfoto, echt waar.\n"), name: "pasfoto.jpg", type: "image/jpeg", reason: "unsupportedType" },
    { label: "a GIF", make: async () => sharp(await cameraJpeg()).gif().toBuffer(), name: "foto.gif", type: "image/gif", reason: "unsupportedType" },
    { label: "a 0-byte file", make: async () => Buffer.alloc(0), name: "leeg.jpg", type: "image/jpeg", reason: "empty" },
    {
      label: "a file over 15 MB",
      make: async () => {
        const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
        (await cameraJpeg()).copy(big);
        return big;
      },
      name: "groot.jpg",
      type: "image/jpeg",
      reason: "tooLarge",
    },
    { label: "a JPEG cut off halfway", make: async () => (await cameraJpeg(800, 600)).subarray(0, 400), name: "half.jpg", type: "image/jpeg", reason: "unreadable" },
    { label: "an iPhone HEIC while no HEIC decoder is installed", make: async () => heicHeader(), name: "IMG_0001.HEIC", type: "image/heic", reason: "heicUnavailable" },
  ])("$label", async ({ make, name, type, reason }) => {
    const before = await photoRowsOf(database.db, member.person.id);
    expect(before).toHaveLength(1);

    const result = await uploadMyPhoto(idle, photoForm(await make(), name, type));

    expect(result).toEqual({ status: "refused", reason });
    expect(await photoIdOf(database.db, member.person.id)).toBe(before[0].id);
    const after = await photoRowsOf(database.db, member.person.id);
    expect(after.map((row) => [row.id, row.etag])).toEqual([[before[0].id, before[0].etag]]);
  });

  it("a form without a file is refused as empty", async () => {
    const form = new FormData();
    form.set("photo", new File([], "", { type: "application/octet-stream" }));
    expect(await uploadMyPhoto(idle, form)).toEqual({ status: "refused", reason: "empty" });
  });
});

describe("a real iPhone-style HEIC (tests/fixtures/photo-with-gps.heic)", () => {
  // 96×64 HEVC-coded HEIC with EXIF (camera and GPS); left half red, right half green. How it was
  // made is in tests/fixtures/README.md.
  const fixture = readFileSync(new URL("../../fixtures/photo-with-gps.heic", import.meta.url));

  it("is what an iPhone sends: HEVC that sharp cannot read, with GPS in its EXIF", async () => {
    const original = await vi.importActual<typeof import("@/lib/people/heic-decoder")>("@/lib/people/heic-decoder");
    expect(sniffPhotoType(fixture)).toBe("heic");
    const metadata = await sharp(fixture).metadata().catch(() => null);
    expect(metadata === null || metadata.compression === "hevc").toBe(true);
    // heif-enc stores the EXIF as little-endian TIFF ("II*\0") in the file's data.
    const tiffStart = fixture.indexOf(Buffer.from("II*\0", "latin1"));
    expect(tiffStart).toBeGreaterThan(0);
    expect(hasGpsTag(fixture.subarray(tiffStart))).toBe(true);
    expect(await original.loadHeicDecoder()).not.toBeNull();
  });

  it("is decoded with the installed decoder and stored as WebP with no metadata left, GPS included", async () => {
    const original = await vi.importActual<typeof import("@/lib/people/heic-decoder")>("@/lib/people/heic-decoder");
    heic.decoder = await original.loadHeicDecoder();
    const before = await photoIdOf(database.db, member.person.id);

    expect(await uploadMyPhoto(idle, photoForm(fixture, "IMG_4031.HEIC", "image/heic"))).toEqual({ status: "saved" });

    const [stored] = await photoRowsOf(database.db, member.person.id);
    expect(stored.id).not.toBe(before);
    // Never enlarged: a 96×64 photo fits in both the 512 px and the 128 px box as it is.
    for (const bytes of [stored.large, stored.small]) {
      const metadata = await sharp(bytes).metadata();
      expect(metadata).toMatchObject({ format: "webp", width: 96, height: 64 });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    }
    // The pixels survived: red on the left, green on the right.
    const { data, info } = await sharp(stored.large).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    const [leftRed, leftGreen] = pixel(10, 32);
    const [rightRed, rightGreen] = pixel(85, 32);
    expect(leftRed).toBeGreaterThan(150);
    expect(leftGreen).toBeLessThan(100);
    expect(rightGreen).toBeGreaterThan(100);
    expect(rightRed).toBeLessThan(100);
  });

  it("a HEIC cut off halfway is refused as unreadable and the old photo stays", async () => {
    const original = await vi.importActual<typeof import("@/lib/people/heic-decoder")>("@/lib/people/heic-decoder");
    heic.decoder = await original.loadHeicDecoder();
    const before = await photoIdOf(database.db, member.person.id);
    const result = await uploadMyPhoto(idle, photoForm(fixture.subarray(0, Math.floor(fixture.length / 2)), "IMG_4032.HEIC", "image/heic"));
    expect(result).toEqual({ status: "refused", reason: "unreadable" });
    expect(await photoIdOf(database.db, member.person.id)).toBe(before);
  });
});

describe("HEIC through a plugged-in decoder", () => {
  const red = { width: 300, height: 600, data: new Uint8Array(300 * 600 * 4).fill(200) };

  it("stores what the decoder returns, in both sizes", async () => {
    heic.decoder = { decode: async () => red };
    expect(await uploadMyPhoto(idle, photoForm(heicHeader(), "IMG_0002.HEIC", "image/heic"))).toEqual({ status: "saved" });
    const [stored] = await photoRowsOf(database.db, member.person.id);
    expect(await sharp(stored.large).metadata()).toMatchObject({ format: "webp", width: 256, height: 512 });
    expect(await sharp(stored.small).metadata()).toMatchObject({ format: "webp", width: 64, height: 128 });
  });

  it.each([
    { label: "too many pixels", failure: new ImageTooLargeError(), reason: "tooManyPixels" },
    { label: "a broken file", failure: new Error("HEIF image not found"), reason: "unreadable" },
  ])("refuses what the decoder cannot take: $label", async ({ failure, reason }) => {
    const result = await processUploadedPhoto(heicHeader(), { heicDecoder: { decode: async () => Promise.reject(failure) } });
    expect(result).toEqual({ ok: false, reason });
  });
});

describe("who may change a photo", () => {
  it("a member cannot upload or remove when the organisation does not let members edit their photo", async () => {
    await setProfileFields(database.db, organisation.id, { editable: ["email"] });
    try {
      const before = await photoRowsOf(database.db, member.person.id);
      expect(await uploadMyPhoto(idle, photoForm(await cameraJpeg()))).toEqual({ status: "refused", reason: "notEditable" });
      expect(await removeMyPhoto(idle, new FormData())).toEqual({ status: "refused", reason: "notEditable" });
      expect((await photoRowsOf(database.db, member.person.id)).map((row) => row.id)).toEqual(before.map((row) => row.id));
    } finally {
      await setProfileFields(database.db, organisation.id, { editable: ["email", "phone", "address", "postcode", "city", "photo"] });
    }
  });

  it("without a session nothing is stored", async () => {
    const before = await photoIdOf(database.db, member.person.id);
    signOut();
    expect(await uploadMyPhoto(idle, photoForm(await cameraJpeg()))).toEqual({ status: "failed" });
    expect(await photoIdOf(database.db, member.person.id)).toBe(before);
  });

  it("an upload changes only the signed-in member's photo, never a colleague's or another organisation's", async () => {
    const colleague = await createMember(database.db, organisation);
    await createAvatarPhoto(database.db, colleague.person);
    const elsewhere = await createMember(database.db, await createOrganisation(database.db));
    await createAvatarPhoto(database.db, elsewhere.person);
    const untouched = [await photoIdOf(database.db, colleague.person.id), await photoIdOf(database.db, elsewhere.person.id)];

    // Form fields naming someone else are not part of the action's input at all.
    const form = photoForm(await cameraJpeg());
    form.set("personId", colleague.person.id);
    form.set("tenantId", elsewhere.person.tenantId);
    expect(await uploadMyPhoto(idle, form)).toEqual({ status: "saved" });

    expect([await photoIdOf(database.db, colleague.person.id), await photoIdOf(database.db, elsewhere.person.id)]).toEqual(untouched);
  });

  it("a member removes their photo: the row is gone and the person shows initials", async () => {
    expect(await removeMyPhoto(idle, new FormData())).toEqual({ status: "removed" });
    expect(await photoIdOf(database.db, member.person.id)).toBeNull();
    expect(await photoRowsOf(database.db, member.person.id)).toEqual([]);
  });
});
