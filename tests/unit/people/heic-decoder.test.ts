// The wrapper around heic-decode: the size is checked before any pixels are decoded, libheif's
// Uint8ClampedArray comes out as plain bytes, and the WebAssembly memory is always given back.
import { describe, expect, it, vi } from "vitest";
import { heicDecoderFromModule, ImageTooLargeError } from "@/lib/people/heic-decoder";

function fakeModule(width: number, height: number, pixels: Uint8ClampedArray = new Uint8ClampedArray(width * height * 4).fill(7)) {
  const decode = vi.fn(async () => ({ width, height, data: pixels }));
  const dispose = vi.fn();
  const all = vi.fn(async () => Object.assign([{ width, height, decode }], { dispose }));
  return { all, decode, dispose };
}

describe("decoding a HEIC through heic-decode", () => {
  it("returns the first image's RGBA pixels as a Uint8Array and frees the decoder", async () => {
    const heic = fakeModule(3, 2);
    const image = await heicDecoderFromModule(heic.all).decode(new Uint8Array([1, 2, 3]), 100);
    expect(image.width).toBe(3);
    expect(image.height).toBe(2);
    expect(image.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(image.data)).toEqual(new Array(24).fill(7));
    expect(heic.dispose).toHaveBeenCalledOnce();
  });

  it("refuses an image with more pixels than allowed without decoding it, and still frees the decoder", async () => {
    const heic = fakeModule(20_000, 20_000, new Uint8ClampedArray(0));
    await expect(heicDecoderFromModule(heic.all).decode(new Uint8Array([1]), 50_000_000)).rejects.toBeInstanceOf(ImageTooLargeError);
    expect(heic.decode).not.toHaveBeenCalled();
    expect(heic.dispose).toHaveBeenCalledOnce();
  });

  it.each([
    { label: "a file without images", make: () => Object.assign([], { dispose: vi.fn() }) },
    {
      label: "pixels that are not RGBA",
      make: () => Object.assign([{ width: 3, height: 2, decode: async () => ({ width: 3, height: 2, data: new Uint8ClampedArray(3 * 2 * 3) }) }], { dispose: vi.fn() }),
    },
  ])("fails on $label", async ({ make }) => {
    const images = await make();
    await expect(heicDecoderFromModule(async () => images).decode(new Uint8Array([1]), 100)).rejects.toThrow();
    expect(images.dispose).toHaveBeenCalledOnce();
  });
});
