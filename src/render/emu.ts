/** DrawingML's unit of length: English Metric Units, 914,400 to the inch. */
export const EMU_PER_INCH = 914400;

/** A length in inches as DrawingML writes it: whole EMU. */
export function emu(inches: number): number {
  return Math.round(inches * EMU_PER_INCH);
}
