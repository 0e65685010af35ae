package dev.sherd.sql;

import dev.sherd.sql.plan.KeyPredicate;
import dev.sherd.sql.plan.MergeExpr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlBetweenOperator;

/**
 * Extracts a {@link KeyPredicate} for one table reference's sharding key from a boolean condition.
 * Sound by construction: only shapes whose meaning is certain ({@code key = v}, {@code key IN (...)},
 * comparisons, BETWEEN, AND, OR) narrow the route; everything else is {@link KeyPredicate.Any}.
 * Stateless.
 */
final class KeyPredicates {

  private KeyPredicates() {}

  /**
   * @param condition a WHERE or inner-join ON condition (may be null)
   * @param isKey     true for an identifier that names the reference's sharding key
   */
  static KeyPredicate extract(SqlNode condition, Predicate<SqlIdentifier> isKey) {
    if (!(condition instanceof SqlCall call)) {
      return new KeyPredicate.Any();
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND:
      case OR: {
        List<KeyPredicate> parts = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
          KeyPredicate p = extract(operand, isKey);
          if (p instanceof KeyPredicate.Any) {
            if (kind == SqlKind.OR) {
              return p;
            }
          } else {
            parts.add(p);
          }
        }
        if (parts.isEmpty()) {
          return new KeyPredicate.Any();
        }
        if (parts.size() == 1) {
          return parts.get(0);
        }
        return kind == SqlKind.AND ? new KeyPredicate.And(parts) : new KeyPredicate.Or(parts);
      }
      case EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, kind, isKey);
      case IN:
        return in(call, isKey);
      case BETWEEN:
        return between(call, isKey);
      default:
        return new KeyPredicate.Any();
    }
  }

  private static KeyPredicate comparison(SqlCall call, SqlKind kind, Predicate<SqlIdentifier> isKey) {
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    MergeExpr value;
    if (isKeyColumn(left, isKey) && (value = keyValueOf(right)) != null) {
      return compare(kind, value);
    }
    if (isKeyColumn(right, isKey) && (value = keyValueOf(left)) != null) {
      return compare(kind.reverse(), value);
    }
    return new KeyPredicate.Any();
  }

  private static KeyPredicate compare(SqlKind kind, MergeExpr v) {
    switch (kind) {
      case EQUALS:
        return new KeyPredicate.Eq(v);
      case LESS_THAN:
        return new KeyPredicate.Range(null, false, v, false);
      case LESS_THAN_OR_EQUAL:
        return new KeyPredicate.Range(null, false, v, true);
      case GREATER_THAN:
        return new KeyPredicate.Range(v, false, null, false);
      case GREATER_THAN_OR_EQUAL:
        return new KeyPredicate.Range(v, true, null, false);
      default:
        return new KeyPredicate.Any();
    }
  }

  private static KeyPredicate in(SqlCall call, Predicate<SqlIdentifier> isKey) {
    if (!isKeyColumn(call.operand(0), isKey) || !(call.operand(1) instanceof SqlNodeList list)) {
      return new KeyPredicate.Any();
    }
    List<KeyPredicate> values = new ArrayList<>();
    for (SqlNode item : list) {
      MergeExpr v = keyValueOf(item);
      if (v == null) {
        return new KeyPredicate.Any();
      }
      values.add(new KeyPredicate.Eq(v));
    }
    return values.size() == 1 ? values.get(0) : new KeyPredicate.Or(values);
  }

  private static KeyPredicate between(SqlCall call, Predicate<SqlIdentifier> isKey) {
    if (!(call.getOperator() instanceof SqlBetweenOperator op) || op.isNegated()
        || op.flag == SqlBetweenOperator.Flag.SYMMETRIC || !isKeyColumn(call.operand(0), isKey)) {
      return new KeyPredicate.Any();
    }
    MergeExpr lo = keyValueOf(call.operand(1));
    MergeExpr hi = keyValueOf(call.operand(2));
    if (lo == null || hi == null) {
      return new KeyPredicate.Any();
    }
    return new KeyPredicate.Range(lo, true, hi, true);
  }

  private static boolean isKeyColumn(SqlNode node, Predicate<SqlIdentifier> isKey) {
    return node instanceof SqlIdentifier id && !id.isStar() && isKey.test(id);
  }

  /** A literal or parameter (or a CAST of one) usable as a key value; null for anything else. */
  static MergeExpr keyValueOf(SqlNode node) {
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.CAST
        && call.operand(1) instanceof SqlDataTypeSpec type) {
      MergeExpr inner = valueOf(call.operand(0));
      return inner == null ? null : new MergeExpr.Cast(inner,
          type.getTypeName().getSimple().toUpperCase(java.util.Locale.ROOT));
    }
    return valueOf(node);
  }

  /** A literal or parameter usable as a key value; null for anything else. */
  static MergeExpr valueOf(SqlNode node) {
    if (node instanceof SqlDynamicParam p) {
      return new MergeExpr.Param(p.getIndex());
    }
    if (node instanceof SqlNumericLiteral n) {
      BigDecimal v = n.bigDecimalValue();
      if (v == null) {
        return null;
      }
      return new MergeExpr.Literal(n.isExact() && v.scale() <= 0 && v.abs().compareTo(
          BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? (Object) v.longValueExact() : v);
    }
    if (node instanceof SqlUnknownLiteral typed) {
      // DATE '…', TIME '…', TIMESTAMP '…' before validation: the value is the quoted text.
      switch (typed.tag.toUpperCase(java.util.Locale.ROOT)) {
        case "DATE":
        case "TIME":
        case "TIMESTAMP":
          return new MergeExpr.Literal(typed.getValue());
        default:
          return null;
      }
    }
    if (node instanceof SqlLiteral lit) {
      switch (lit.getTypeName()) {
        case CHAR:
        case VARCHAR:
          return new MergeExpr.Literal(lit.getValueAs(String.class));
        case DATE:
        case TIMESTAMP:
        case TIME:
          return new MergeExpr.Literal(lit.toValue());
        case BOOLEAN:
          return new MergeExpr.Literal(lit.booleanValue());
        default:
          return null;
      }
    }
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS_PREFIX
        && call.operand(0) instanceof SqlNumericLiteral) {
      MergeExpr inner = valueOf(call.operand(0));
      if (inner instanceof MergeExpr.Literal l) {
        Object v = l.value();
        return new MergeExpr.Literal(v instanceof Long x ? (Object) (-x) : ((BigDecimal) v).negate());
      }
    }
    return null;
  }
}
