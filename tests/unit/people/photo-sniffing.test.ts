// The real type of an upload is read from its first bytes, whatever its name or MIME type claims.
import { describe, expect, it } from "vitest";
import { sniffPhotoType } from "@/lib/people/photo-processing";

function ftyp(major: string, compatible: string[]): Uint8Array {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write("ftyp", 4, "latin1");
  box.write(major, 8, "latin1");
  compatible.forEach((brand, index) => box.write(brand, 16 + 4 * index, "latin1"));
  return Buffer.concat([box, Buffer.alloc(32)]);
}

describe("sniffing the type from the bytes", () => {
  it.each([
    { label: "JPEG", bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), type: "jpeg" },
    { label: "PNG", bytes: Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "latin1"), type: "png" },
    { label: "WebP", bytes: Buffer.from("RIFF\x10\0\0\0WEBPVP8 ", "latin1"), type: "webp" },
    { label: "an iPhone HEIC", bytes: ftyp("heic", ["mif1", "heic"]), type: "heic" },
    { label: "a HEIF with a generic major brand and HEVC inside", bytes: ftyp("mif1", ["mif1", "heic"]), type: "heic" },
    { label: "AVIF", bytes: ftyp("avif", ["mif1", "avif", "miaf"]), type: "avif" },
    { label: "an MP4 video", bytes: ftyp("isom", ["isom", "mp41"]), type: null },
    { label: "SVG", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: null },
    { label: "SVG behind an XML declaration", bytes: Buffer.from('<?xml version="1.0"?><svg/>'), type: null },
    { label: "PDF", bytes: Buffer.from("%PDF-1.7\n"), type: null },
    { label: "GIF", bytes: Buffer.from("GIF89a"), type: null },
    { label: "text", bytes: Buffer.from("dit is geen foto"), type: null },
    { label: "nothing", bytes: Buffer.alloc(0), type: null },
    { label: "a truncated JPEG marker", bytes: Buffer.from([0xff, 0xd8]), type: null },
  ])("$label", ({ bytes, type }) => {
    expect(sniffPhotoType(bytes)).toBe(type);
  });
});
