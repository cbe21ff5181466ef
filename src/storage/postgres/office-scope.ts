// On a server every query of an office names it (SPEC §14): this kysely
// plugin adds `<table>.office_id = <office>` to every read, update and
// delete of an office's table (joins included, in their ON, so a left join
// stays one), and puts office_id first in every ON CONFLICT target, as the
// tables' keys have it. Row-level security keeps a clerk to the office
// anyway; naming it in the query is what lets a group too large for one
// server distribute its tables by office, and keeps an administrator (to
// whom row-level security does not apply) to the office asked for.
import {
  AliasNode, BinaryOperationNode, ColumnNode, JoinNode, OperationNodeTransformer, OperatorNode, QueryNode,
  ReferenceNode, TableNode, ValueListNode, ValueNode,
  type DeleteQueryNode, type InsertQueryNode, type KyselyPlugin, type OperationNode, type SelectQueryNode, type UpdateQueryNode,
} from 'kysely';

/** The tables that belong to an office (schema/postgres: office_id first in their keys). */
export const OFFICE_TABLES: ReadonlySet<string> = new Set([
  'departments', 'settings', 'ticket_counters', 'complaints', 'follow_ups', 'events', 'calendar_overrides',
  'report_snapshots', 'attachments', 'payments', 'complaint_steps', 'report_ups', 'earlier_deadlines', 'complaint_search',
  'staff', 'approvals', 'audits', 'complaint_groups', 'estates', 'estate_aliases',
]);

/** The name a from-item is referred to by (its alias, or the table), when it is an office's table. */
function officeTableName(item: OperationNode): string | null {
  const table = AliasNode.is(item) ? item.node : item;
  if (!TableNode.is(table) || !OFFICE_TABLES.has(table.table.identifier.name)) return null;
  return AliasNode.is(item) && 'name' in item.alias ? (item.alias as { name: string }).name : table.table.identifier.name;
}

class OfficeScope extends OperationNodeTransformer {
  /**
   * One office's id; several (a group's read: named all the same, so that the
   * indexes, office first, still serve it); or null, no office chosen
   * (managing offices): conflict targets only.
   */
  constructor(private readonly officeId: number | readonly number[] | null) {
    super();
  }

  private condition(name: string) {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create('office_id'), TableNode.create(name)),
      OperatorNode.create(typeof this.officeId === 'number' ? '=' : 'in'),
      typeof this.officeId === 'number' ? ValueNode.create(this.officeId) : ValueListNode.create((this.officeId ?? []).map((id) => ValueNode.create(id))),
    );
  }

  private scope<T extends SelectQueryNode | UpdateQueryNode | DeleteQueryNode>(node: T, froms: readonly OperationNode[]): T {
    if (this.officeId === null) return node;
    let out = node;
    for (const f of froms) {
      const name = officeTableName(f);
      if (name !== null) out = QueryNode.cloneWithWhere(out, this.condition(name));
    }
    if (out.joins) {
      out = {
        ...out,
        joins: out.joins.map((j) => {
          const name = officeTableName(j.table);
          return name === null ? j : JoinNode.cloneWithOn(j, this.condition(name));
        }),
      };
    }
    return out;
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const n = super.transformSelectQuery(node);
    return this.scope(n, n.from?.froms ?? []);
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const n = super.transformUpdateQuery(node);
    return this.scope(n, n.table ? [n.table] : []);
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const n = super.transformDeleteQuery(node);
    return this.scope(n, n.from.froms);
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const n = super.transformInsertQuery(node);
    if (!n.onConflict?.columns || officeTableName(n.into!) === null) return n;
    return { ...n, onConflict: { ...n.onConflict, columns: [ColumnNode.create('office_id'), ...n.onConflict.columns] } };
  }
}

/** The plugin for one office's session, or (null) for a session with none chosen. */
export function officeScope(officeId: number | readonly number[] | null): KyselyPlugin {
  return {
    transformQuery: ({ node }) => new OfficeScope(officeId).transformNode(node),
    transformResult: async ({ result }) => result,
  };
}
