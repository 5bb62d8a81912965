// Generated portrait avatars for demo and test people: a simple drawn face, encoded like an upload.
import { createHash } from "node:crypto";
import sharp from "sharp";

export type AvatarImages = { large: Uint8Array; small: Uint8Array; etag: string };

/** Sizes of the stored photo variants (see the photos table): detail page and lists. */
export const AVATAR_LARGE_PX = 512;
export const AVATAR_SMALL_PX = 128;

const backgrounds = ["#cfe8dc", "#f6d8c8", "#d6e2f5", "#f3e6b3", "#e4d4ee", "#cde9ef", "#f2cfd6", "#dfe7c4"];
const skinTones = ["#f5d0b5", "#e8b894", "#d19a73", "#a86f4c", "#7a4a2e", "#f1c7a1"];
const hairColours = ["#2b1d14", "#5a3a22", "#8c5a2b", "#c99a4a", "#e0c27a", "#9a9a9a", "#1f1f1f", "#a0412d"];
const shirtColours = ["#2f6f5e", "#3d5a98", "#b04a3a", "#6b4f8a", "#c07a1f", "#2e7d9a", "#4c6b2f", "#8a3b5c"];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

/**
 * Draws no text on purpose: SVG text needs system fonts, which a bare server may lack, and the
 * photo book already prints the name under each photo.
 */
function drawFaceSvg(variant: number): string {
  const bg = pick(backgrounds, variant);
  const skin = pick(skinTones, variant >>> 3);
  const hair = pick(hairColours, variant >>> 6);
  const shirt = pick(shirtColours, variant >>> 9);
  const hairStyle = (variant >>> 12) % 4;
  const hairShapes = [
    // short
    `<path d="M166 228 Q170 120 256 112 Q342 120 346 228 Q330 170 256 168 Q182 170 166 228Z" fill="${hair}"/>`,
    // long
    `<path d="M150 250 Q150 108 256 104 Q362 108 362 250 L372 380 Q330 400 320 360 L330 220 Q300 168 256 166 Q212 168 182 220 L192 360 Q182 400 140 380Z" fill="${hair}"/>`,
    // bun
    `<circle cx="256" cy="96" r="44" fill="${hair}"/><path d="M164 226 Q166 118 256 112 Q346 118 348 226 Q326 164 256 162 Q186 164 164 226Z" fill="${hair}"/>`,
    // very short / bald with a fringe line
    `<path d="M176 196 Q200 130 256 126 Q312 130 336 196 Q300 160 256 158 Q212 160 176 196Z" fill="${hair}"/>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${AVATAR_LARGE_PX}" height="${AVATAR_LARGE_PX}" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${bg}"/>
  <path d="M76 512 Q86 392 256 376 Q426 392 436 512Z" fill="${shirt}"/>
  <rect x="222" y="300" width="68" height="84" rx="24" fill="${skin}"/>
  <ellipse cx="256" cy="236" rx="92" ry="108" fill="${skin}"/>
  ${hairShapes[hairStyle]}
  <circle cx="222" cy="240" r="9" fill="#2a2a2a"/>
  <circle cx="290" cy="240" r="9" fill="#2a2a2a"/>
  <path d="M218 288 Q256 316 294 288" stroke="#7a3b2e" stroke-width="8" fill="none" stroke-linecap="round"/>
</svg>`;
}

/** A stable number from any key, so the same person always gets the same face. */
function variantFromKey(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0);
}

/** Renders a 512 px and a 128 px WebP avatar for `key` (deterministic). */
export async function renderAvatar(key: string): Promise<AvatarImages> {
  const svg = Buffer.from(drawFaceSvg(variantFromKey(key)));
  const large = await sharp(svg).webp({ quality: 80 }).toBuffer();
  const small = await sharp(svg).resize(AVATAR_SMALL_PX, AVATAR_SMALL_PX).webp({ quality: 80 }).toBuffer();
  // Buffers are Uint8Arrays that every driver (PGlite, pg, Neon) sends as bytea.
  return {
    large,
    small,
    etag: createHash("sha256").update(large).digest("hex").slice(0, 32),
  };
}
