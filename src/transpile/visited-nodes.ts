import type { ts } from "./typescript.js";

/**
 * The TypeScript nodes tsmp has a visitor for (registered in visitors/index.ts). Each type is
 * told apart by its `kind`, so the visitor map can give the visitor for a kind exactly that
 * kind's node type; a node of any other kind is reported as unsupported syntax.
 */
export type VisitedExpression =
  | ts.Identifier
  | ts.ThisExpression
  | ts.NumericLiteral
  | ts.StringLiteral
  | ts.NoSubstitutionTemplateLiteral
  | ts.TemplateExpression
  | ts.TaggedTemplateExpression
  | ts.TrueLiteral
  | ts.FalseLiteral
  | ts.NullLiteral
  | ts.ArrayLiteralExpression
  | ts.ObjectLiteralExpression
  | ts.ParenthesizedExpression
  | ts.AsExpression
  | ts.NonNullExpression
  | ts.TypeAssertion
  | ts.SatisfiesExpression
  | ts.ExpressionWithTypeArguments
  | ts.BinaryExpression
  | ts.PrefixUnaryExpression
  | ts.PostfixUnaryExpression
  | ts.ConditionalExpression
  | ts.CallExpression
  | ts.NewExpression
  | ts.PropertyAccessExpression
  | ts.ElementAccessExpression
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.AwaitExpression
  | ts.YieldExpression
  | ts.ClassExpression
  | ts.TypeOfExpression
  | ts.DeleteExpression
  | ts.VoidExpression
  | ts.RegularExpressionLiteral;

export type VisitedStatement =
  | ts.VariableStatement
  | ts.ExpressionStatement
  | ts.ReturnStatement
  | ts.Block
  | ts.EmptyStatement
  | ts.IfStatement
  | ts.WhileStatement
  | ts.DoStatement
  | ts.ForStatement
  | ts.ForOfStatement
  | ts.ForInStatement
  | ts.SwitchStatement
  | ts.BreakStatement
  | ts.LabeledStatement
  | ts.ContinueStatement
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.EnumDeclaration
  | ts.TryStatement
  | ts.ThrowStatement
  | ts.ImportDeclaration
  | ts.ImportEqualsDeclaration
  | ts.ExportDeclaration
  | ts.ExportAssignment
  | ts.ModuleDeclaration
  | ts.InterfaceDeclaration
  | ts.TypeAliasDeclaration;
