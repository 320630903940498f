/**
 * A D1 binding that counts its round trips: every call that reaches the database (a
 * statement's all/first/run/raw, a batch, an exec) is one trip, recorded with its SQL verb so
 * a test can tell reads from writes. Statements handed to `batch` are unwrapped first, so the
 * real binding does the work and the real local D1 answers.
 */
export interface D1Trip {
  readonly kind: "read" | "write";
  readonly via: "statement" | "batch" | "exec";
  readonly statements: number;
}

export interface CountingD1 {
  readonly database: D1Database;
  readonly trips: D1Trip[];
}

const kindOf = (sql: string): D1Trip["kind"] => (/^\s*select/i.test(sql) ? "read" : "write");

export function countingD1(real: D1Database): CountingD1 {
  const trips: D1Trip[] = [];
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<D1PreparedStatement, string>();

  function wrap(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
    sqlOf.set(statement, sql);
    const proxy = new Proxy(statement, {
      get(target, property) {
        if (property === "bind") return (...values: unknown[]) => wrap(target.bind(...values), sql);
        if (property === "all" || property === "first" || property === "run" || property === "raw") {
          return (...args: unknown[]) => {
            trips.push({ kind: kindOf(sql), via: "statement", statements: 1 });
            return (target[property] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    unwrap.set(proxy, statement);
    return proxy;
  }

  const database = new Proxy(real, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          const reals = statements.map((s) => unwrap.get(s) ?? s);
          const writes = reals.some((s) => kindOf(sqlOf.get(s) ?? "") === "write");
          trips.push({ kind: writes ? "write" : "read", via: "batch", statements: reals.length });
          return target.batch(reals);
        };
      }
      if (property === "exec") {
        return (sql: string) => {
          trips.push({ kind: kindOf(sql), via: "exec", statements: 1 });
          return target.exec(sql);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { database, trips };
}
