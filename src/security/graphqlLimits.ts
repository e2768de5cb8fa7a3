import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

import { graphqlEnabled } from '../env'

/**
 * Bounds on one GraphQL request, checked on the parsed document before anything runs:
 * - depth: fields nested inside each other;
 * - aliases: the same expensive field asked for many times;
 * - list nesting: paginated lists (a collection query, a join such as `issue { items }`) inside
 *   each other, each of which multiplies what is below it;
 * - cost: fields resolved in total, each list multiplying by its `limit` (10 when not given);
 * - tokens: what the parser reads at all.
 * Introspection (`__schema`, `__type`) is bounded by the schema and not counted.
 */
export const GRAPHQL_LIMITS = { depth: 8, aliases: 15, listNesting: 2, cost: 10_000, tokens: 5_000 }

const DEFAULT_LIMIT = 10
/** `limit: 0` means "everything" to Payload; count it as a very large list. */
const UNBOUNDED_LIMIT = 10_000

type Walk = {
  fragments: Map<string, FragmentDefinitionNode>
  variables: Record<string, unknown>
  stats: { depth: number; aliases: number; listNesting: number; cost: number; visits: number }
}

const limitOf = (field: FieldNode, variables: Record<string, unknown>): number => {
  const arg = field.arguments?.find((a) => a.name.value === 'limit')
  let value: unknown = DEFAULT_LIMIT
  if (arg?.value.kind === Kind.INT) value = Number(arg.value.value)
  else if (arg?.value.kind === Kind.VARIABLE) value = variables[arg.value.name.value] ?? UNBOUNDED_LIMIT
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : UNBOUNDED_LIMIT
}

/** A paginated list: it takes a `limit` or has `docs` below it. */
const isList = (field: FieldNode): boolean =>
  Boolean(field.arguments?.some((a) => a.name.value === 'limit')) ||
  Boolean(field.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'docs'))

const exceeded = ({ stats }: Walk): boolean =>
  stats.depth > GRAPHQL_LIMITS.depth ||
  stats.aliases > GRAPHQL_LIMITS.aliases ||
  stats.listNesting > GRAPHQL_LIMITS.listNesting ||
  stats.cost > GRAPHQL_LIMITS.cost ||
  stats.visits > GRAPHQL_LIMITS.cost

function walk(set: SelectionSetNode, w: Walk, depth: number, lists: number, times: number, path: string[]): void {
  for (const sel of set.selections) {
    if (exceeded(w)) return
    w.stats.visits += 1
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      walk(sel.selectionSet, w, depth, lists, times, path)
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = w.fragments.get(sel.name.value)
      // A cycle can never be valid: refuse it here instead of recursing forever.
      if (path.includes(sel.name.value)) w.stats.depth = Infinity
      else if (fragment) walk(fragment.selectionSet, w, depth, lists, times, [...path, sel.name.value])
    } else if (!sel.name.value.startsWith('__')) {
      if (sel.alias) w.stats.aliases += 1
      const list = isList(sel)
      const nested = lists + (list ? 1 : 0)
      w.stats.depth = Math.max(w.stats.depth, depth + 1)
      w.stats.listNesting = Math.max(w.stats.listNesting, nested)
      w.stats.cost += times
      const below = list ? times * limitOf(sel, w.variables) : times
      if (sel.selectionSet) walk(sel.selectionSet, w, depth + 1, nested, below, path)
    }
  }
}

const describeProblem = ({ stats }: Walk): string | null => {
  const L = GRAPHQL_LIMITS
  if (stats.depth === Infinity) return 'GraphQL query refused: fragments spread each other in a cycle.'
  if (stats.depth > L.depth) return `GraphQL query too deep: fields may be nested ${L.depth} levels at most.`
  if (stats.aliases > L.aliases) return `GraphQL query refused: at most ${L.aliases} aliases per request.`
  if (stats.listNesting > L.listNesting)
    return `GraphQL query too complex: lists (collections, joins) may be nested ${L.listNesting} deep at most.`
  if (stats.cost > L.cost || stats.visits > L.cost)
    return `GraphQL query too complex: its cost exceeds ${L.cost} (each list multiplies by its limit).`
  return null
}

/** What is wrong with this document, or null when it is within the limits. */
export function documentProblem(document: DocumentNode, variables: Record<string, unknown> = {}): string | null {
  const w: Walk = {
    fragments: new Map(),
    variables,
    stats: { depth: 0, aliases: 0, listNesting: 0, cost: 0, visits: 0 },
  }
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) w.fragments.set(def.name.value, def)
  for (const def of document.definitions)
    if (def.kind === Kind.OPERATION_DEFINITION) walk(def.selectionSet, w, 0, 0, 1, [])
  return describeProblem(w)
}

/** Parse (token-bounded) and check a query text: a message when refused, null when fine. */
export function queryProblem(query: string, variables: Record<string, unknown> = {}): string | null {
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: GRAPHQL_LIMITS.tokens })
  } catch (err) {
    const message = (err as Error).message
    return /tokens\. Parsing aborted/.test(message)
      ? `GraphQL query refused: more than ${GRAPHQL_LIMITS.tokens} tokens.`
      : null // a plain syntax error: GraphQL answers it itself
  }
  return documentProblem(document, variables)
}

/** The same limits as a validation rule, so that every GraphQL entry point applies them. */
export const graphqlLimitsRule: ValidationRule = (context) => ({
  Document(node) {
    const problem = documentProblem(node)
    if (problem) context.reportError(new GraphQLError(problem))
    return false
  },
})

export const GRAPHQL_OFF = 'GraphQL is off on this server (GRAPHQL=off); use the REST API at /api.'

/**
 * Whether a POST to /api/graphql with this body is refused before Payload sees it: 404 when
 * GRAPHQL=off, 400 when the body is not JSON or the query is over the limits; null to let
 * Payload answer (including a body without a query, which it refuses itself).
 */
export function graphqlRefusal(bodyText: string): { status: number; message: string } | null {
  if (!graphqlEnabled()) return { status: 404, message: GRAPHQL_OFF }
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    return { status: 400, message: 'The request body is not valid JSON: send {"query": "…", "variables": {…}}.' }
  }
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: unknown }
  if (typeof query !== 'string') return null
  const vars = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {}
  const problem = queryProblem(query, vars)
  return problem ? { status: 400, message: problem } : null
}
