import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/**
 * Shopify's calculated query cost (shopify.dev, "GraphQL Admin API rate limits"): scalars and
 * enums cost 0, an object 1, a connection 2 plus (first or last) times the cost of one node,
 * an interface or union the most expensive of its possible selections, and a mutation field 10.
 * The requested cost is worked out from the document before running it; the actual cost walks
 * the data returned, so a connection costs what it really returned.
 */

export const MUTATION_FIELD_COST = 10;
export const SINGLE_QUERY_MAX_COST = 1000;

type Variables = Record<string, unknown>;
/** Response data as graphql-js returns it: JSON values. */
type Data = unknown;

function isConnectionType(type: GraphQLCompositeType): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

function argumentValue(field: FieldNode, name: string, variables: Variables): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.VARIABLE) return variables[arg.value.name.value];
  return valueFromASTUntyped(arg.value, variables);
}

class CostWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
    /** When set, cost follows the returned data; otherwise the worst case the arguments allow. */
    private readonly actual: boolean,
  ) {}

  private included(node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] }): boolean {
    for (const directive of node.directives ?? []) {
      const ifArg = directive.arguments?.find((a) => a.name.value === "if");
      if (!ifArg) continue;
      const value = valueFromASTUntyped(ifArg.value, this.variables);
      if (directive.name.value === "skip" && value === true) return false;
      if (directive.name.value === "include" && value === false) return false;
    }
    return true;
  }

  /** The fields that apply to a concrete object type, through fragments whose condition it meets. */
  private fieldsFor(selectionSet: SelectionSetNode, type: GraphQLObjectType, out: FieldNode[] = []): FieldNode[] {
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) out.push(selection);
      else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition?.name.value;
        if (condition && !this.applies(condition, type)) continue;
        this.fieldsFor(fragment.selectionSet, type, out);
      }
    }
    return out;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  selectionCost(selectionSet: SelectionSetNode | undefined, type: GraphQLCompositeType, data: Data): number {
    if (!selectionSet) return 0;
    const concrete = isAbstractType(type) ? this.schema.getPossibleTypes(type) : [type];
    let max = 0;
    for (const objectType of concrete) {
      let sum = 0;
      for (const field of this.fieldsFor(selectionSet, objectType)) {
        const definition = objectType.getFields()[field.name.value];
        if (!definition) continue;
        const key = field.alias?.value ?? field.name.value;
        const value = this.actual && data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
        sum += this.fieldCost(field, definition, value);
      }
      max = Math.max(max, sum);
    }
    return max;
  }

  private fieldCost(field: FieldNode, definition: GraphQLField<unknown, unknown>, value: Data): number {
    const named = getNamedType(definition.type);
    if (isLeafType(named)) return 0;
    if (isConnectionType(named)) return this.connectionCost(field, named, value);
    if (this.actual && Array.isArray(value)) {
      // A plain list is charged as one object, at its most expensive element.
      return 1 + Math.max(0, ...value.map((element) => this.selectionCost(field.selectionSet, named, element)));
    }
    return 1 + this.selectionCost(field.selectionSet, named, value);
  }

  private connectionCost(field: FieldNode, type: GraphQLObjectType, value: Data): number {
    const size = Number(argumentValue(field, "first", this.variables) ?? argumentValue(field, "last", this.variables) ?? 0);
    let cost = 2;
    for (const child of this.fieldsFor(field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, type)) {
      const name = child.name.value;
      const key = child.alias?.value ?? name;
      const childValue = this.actual && value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
      const childDefinition = type.getFields()[name];
      if (!childDefinition) continue;
      const nodeType = getNamedType(childDefinition.type);
      if (name === "edges" && isObjectType(nodeType)) {
        const nodeField = nodeType.getFields()["node"];
        const nodeSelections = this.fieldsFor(child.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, nodeType).filter(
          (f) => f.name.value === "node",
        );
        if (!nodeField) continue;
        const nodeNamed = getNamedType(nodeField.type);
        if (isLeafType(nodeNamed)) continue;
        for (const nodeSelection of nodeSelections) {
          const nodeKey = nodeSelection.alias?.value ?? "node";
          if (this.actual) {
            const edges = Array.isArray(childValue) ? childValue : [];
            for (const edge of edges) {
              const nodeValue = edge && typeof edge === "object" ? (edge as Record<string, unknown>)[nodeKey] : undefined;
              cost += 1 + this.selectionCost(nodeSelection.selectionSet, nodeNamed, nodeValue);
            }
          } else cost += size * (1 + this.selectionCost(nodeSelection.selectionSet, nodeNamed, undefined));
        }
      } else if (name === "nodes" && !isLeafType(nodeType)) {
        if (this.actual) {
          const nodes = Array.isArray(childValue) ? childValue : [];
          for (const node of nodes) cost += 1 + this.selectionCost(child.selectionSet, nodeType, node);
        } else cost += size * (1 + this.selectionCost(child.selectionSet, nodeType, undefined));
      }
      // pageInfo, cursors and counts on the connection itself are free.
    }
    return cost;
  }
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Variables;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

function rootCost(input: CostInput, data: Data, actual: boolean): number {
  const { schema, document, operation, variables } = input;
  const walker = new CostWalker(schema, fragmentsOf(document), variables, actual);
  if (operation.operation === "mutation") {
    const rootType = schema.getMutationType();
    if (!rootType) return 0;
    // Each mutation field costs a flat 10, whatever its payload selects.
    return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== "__typename").length *
      MUTATION_FIELD_COST;
  }
  const rootType = schema.getQueryType();
  return rootType ? walker.selectionCost(operation.selectionSet, rootType, data) : 0;
}

export function requestedQueryCost(input: CostInput): number {
  return rootCost(input, undefined, false);
}

export function actualQueryCost(input: CostInput, data: Data): number {
  return rootCost(input, data, true);
}
