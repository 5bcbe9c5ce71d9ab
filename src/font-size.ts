/**
 * Type sizes as readers and writers spell them: the model keeps points to the
 * half point, as Word stores them (`w:sz` counts half-points, ECMA-376 Part 1
 * §17.3.2.38, from 1 to 3276), so 五号 is 10.5.
 */

/** Points for a number of points, to the half point; undefined outside what Word can set. */
export function validPoints(points: number): number | undefined {
  const half = Math.round(points * 2);
  return Number.isFinite(half) && half >= 1 && half <= 3276 ? half / 2 : undefined;
}

/** Points for a `w:sz` value (half-points); undefined when it is not a size. */
export function pointsOfHalfPoints(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? validPoints(Number(value) / 2) : undefined;
}

/** Points for a CSS `font-size` in points ("14pt", "10.5pt"); other units are not sizes we can vouch for. */
export function pointsOfCss(value: string | undefined): number | undefined {
  const pt = /^(\d+(?:\.\d+)?)\s*pt$/i.exec(value?.trim() ?? '')?.[1];
  return pt === undefined ? undefined : validPoints(Number(pt));
}

/** `w:sz` / `w:szCs` value (half-points) for a size in points. */
export const halfPoints = (points: number): number => Math.round(points * 2);
