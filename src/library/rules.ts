/**
 * Rules between a clause's number variables: `advance_percent + retention_percent <= 100`.
 * Bounds (`min`, `max`) hold one value each; a rule holds values together, where one
 * value alone is sound and the pair is not (an advance of 60% and a retention of 50%
 * of the same Fees). The language is a sum of variables and numbers on each side of
 * one comparison: enough for shares of a whole and one figure capping another, and
 * small enough that counsel can read it and nothing is ever evaluated as code.
 */

export type Comparison = '<=' | '<' | '>=' | '>' | '==' | '!=';

/** A variable's name or a number. */
export type Operand = { name: string } | { value: number };

export interface RuleCheck {
  left: Operand[];
  op: Comparison;
  right: Operand[];
}

const COMPARISONS: Comparison[] = ['<=', '>=', '==', '!=', '<', '>'];
const COMPARED = /^([^<>=!]*)(<=|>=|==|!=|<|>)([^<>=!]*)$/;
const OPERAND = /^(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d+)?))$/;
const EXAMPLE = 'e.g. advance_percent + retention_percent <= 100';

/** Reads `a + b <= 100`; a problem says what to write instead. */
export function parseRuleCheck(text: string): { check: RuleCheck } | { problem: string } {
  const m = COMPARED.exec(text);
  if (!m) {
    const reversed = /=<|=>|(?<![<>=!])=(?!=)/.exec(text)?.[0];
    const hint = reversed === '=<' ? ' (write <= for =<)' : reversed === '=>' ? ' (write >= for =>)' : reversed === '=' ? ' (write == to compare)' : '';
    return { problem: `"${text}" must compare two sums with one of ${COMPARISONS.join(' ')}${hint}, ${EXAMPLE}` };
  }
  const left = sum(m[1]!);
  const right = sum(m[3]!);
  if (typeof left === 'string' || typeof right === 'string') {
    return { problem: `"${text}": ${typeof left === 'string' ? left : right}; each side is variables and numbers joined by +, ${EXAMPLE}` };
  }
  return { check: { left, op: m[2] as Comparison, right } };
}

function sum(side: string): Operand[] | string {
  const parts = side.split('+').map((p) => p.trim());
  const operands: Operand[] = [];
  for (const part of parts) {
    const m = OPERAND.exec(part);
    if (!m) return part === '' ? 'a side is empty or has a + with nothing beside it' : `"${part}" is neither a variable name nor a number`;
    operands.push(m[1] !== undefined ? { name: m[1] } : { value: Number(m[2]) });
  }
  return operands;
}

export function ruleNames(check: RuleCheck): string[] {
  return [...new Set([...check.left, ...check.right].flatMap((o) => ('name' in o ? [o.name] : [])))];
}

export interface RuleOutcome {
  holds: boolean;
  left: number;
  right: number;
}

/** The rule over these values; undefined when one of its variables has no number (it is reported as missing or invalid on its own). */
export function evaluateRule(check: RuleCheck, values: Readonly<Record<string, unknown>>): RuleOutcome | undefined {
  const total = (side: Operand[]): number | undefined => {
    let t = 0;
    for (const o of side) {
      const v = 'name' in o ? values[o.name] : o.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      t += v;
    }
    // Percentages such as 0.1 + 0.2 must compare as the decimals counsel wrote.
    return Math.round(t * 1e9) / 1e9;
  };
  const left = total(check.left);
  const right = total(check.right);
  if (left === undefined || right === undefined) return undefined;
  const holds = { '<=': left <= right, '<': left < right, '>=': left >= right, '>': left > right, '==': left === right, '!=': left !== right }[check.op];
  return { holds, left, right };
}

const BREACH: Record<Comparison, string> = { '<=': 'more than', '<': 'not less than', '>=': 'less than', '>': 'not more than', '==': 'not', '!=': 'equal to' };

/**
 * How the values break the rule, each value shown:
 * "advance_percent (60) + retention_percent (50) is 110, more than 100".
 */
export function describeBreach(check: RuleCheck, values: Readonly<Record<string, unknown>>, outcome: RuleOutcome): string {
  const shown = (operands: Operand[]) => operands.map((o) => ('name' in o ? `${o.name} (${String(values[o.name])})` : String(o.value))).join(' + ');
  const left = check.left.length > 1 ? `${shown(check.left)} is ${outcome.left},` : `${shown(check.left)} is`;
  const right = check.right.length > 1 ? `${shown(check.right)} (${outcome.right})` : shown(check.right);
  return `${left} ${BREACH[check.op]} ${right}`;
}
