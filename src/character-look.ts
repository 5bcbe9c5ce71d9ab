/**
 * The character formatting the project carries from readers through the
 * redline to the writers: what the model's strong, emphasis, underline,
 * strike, highlight, textColor and fontSize nodes say about a stretch of text.
 */
export interface CharacterLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Struck through: in a draft marked by hand, the words its author means to delete. */
  strike?: boolean;
  /** Word's highlighter colour name ('yellow'). */
  highlight?: string;
  /** Text colour, six hex digits; absent for automatic. */
  color?: string;
  /** Type size in points. */
  size?: number;
}
