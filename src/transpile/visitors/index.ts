import { ts } from "../typescript.js";
import { usingBlock } from "./using.js";
import type { Visitors } from "../context.js";
import { transformElementAccess, transformPropertyAccess } from "./access.js";
import { transformBinaryExpression } from "./binary.js";
import { transformCallExpression, transformNewExpression } from "./call.js";
import { transformRegularExpressionLiteral } from "./regular-expression.js";
import { transformClassDeclaration, transformClassExpression } from "./class.js";
import { transformConditionalExpression, transformIfStatement } from "./condition.js";
import { transformEnumDeclaration } from "./enum.js";
import { transformThrowStatement, transformTryStatement } from "./errors.js";
import {
  transformAwaitExpression,
  transformFunctionDeclaration,
  transformFunctionExpression,
  transformYieldExpression,
} from "./function.js";
import { transformIdentifier, transformThis } from "./identifier.js";
import {
  transformFalse,
  transformNull,
  transformNumericLiteral,
  transformStringLiteral,
  transformTemplateExpression,
  transformTrue,
} from "./literals.js";
import { transformDoStatement, transformForStatement, transformWhileStatement } from "./loops.js";
import {
  transformExportAssignment,
  transformExportDeclaration,
  transformImportDeclaration,
  transformModuleDeclaration,
} from "./modules.js";
import {
  transformBlock,
  transformEmptyStatement,
  transformErasedDeclaration,
  transformInterfaceDeclaration,
  transformExpressionStatement,
  transformReturnStatement,
  transformVariableStatement,
} from "./statements.js";
import { transformTransparentExpression } from "./transparent.js";
import { transformImportAlias } from "./import-alias.js";
import { transformArrayLiteral } from "./array-literal.js";
import { transformObjectLiteral } from "./object-literal.js";
import { transformSwitchStatement } from "./switch.js";
import { transformBreakStatement, transformContinueStatement, transformLabeledStatement, withLabeledExits } from "./labels.js";
import { transformForInStatement } from "./for-in.js";
import { transformForOfStatement } from "./for-of.js";
import { transformTaggedTemplate } from "./tagged-template.js";
import { transformDeleteExpression, transformTypeOfExpression, transformVoidExpression } from "./typeof-delete.js";
import { transformPostfixUnary, transformPrefixUnary } from "./unary.js";

/**
 * Adding a construct = adding one visitor file, one line here and its node type in
 * visited-nodes.ts (the map must name exactly those kinds).
 */
export const visitors: Visitors = {
  expressions: {
    [ts.SyntaxKind.Identifier]: transformIdentifier,
    [ts.SyntaxKind.ThisKeyword]: transformThis,
    [ts.SyntaxKind.NumericLiteral]: transformNumericLiteral,
    [ts.SyntaxKind.StringLiteral]: transformStringLiteral,
    [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: transformStringLiteral,
    [ts.SyntaxKind.TemplateExpression]: transformTemplateExpression,
    [ts.SyntaxKind.TaggedTemplateExpression]: transformTaggedTemplate,
    [ts.SyntaxKind.TrueKeyword]: transformTrue,
    [ts.SyntaxKind.FalseKeyword]: transformFalse,
    [ts.SyntaxKind.NullKeyword]: transformNull,
    [ts.SyntaxKind.ArrayLiteralExpression]: transformArrayLiteral,
    [ts.SyntaxKind.ObjectLiteralExpression]: transformObjectLiteral,
    [ts.SyntaxKind.ParenthesizedExpression]: transformTransparentExpression,
    [ts.SyntaxKind.AsExpression]: transformTransparentExpression,
    [ts.SyntaxKind.NonNullExpression]: transformTransparentExpression,
    [ts.SyntaxKind.TypeAssertionExpression]: transformTransparentExpression,
    [ts.SyntaxKind.SatisfiesExpression]: transformTransparentExpression,
    [ts.SyntaxKind.ExpressionWithTypeArguments]: transformTransparentExpression,
    [ts.SyntaxKind.BinaryExpression]: transformBinaryExpression,
    [ts.SyntaxKind.PrefixUnaryExpression]: transformPrefixUnary,
    [ts.SyntaxKind.PostfixUnaryExpression]: transformPostfixUnary,
    [ts.SyntaxKind.ConditionalExpression]: transformConditionalExpression,
    [ts.SyntaxKind.CallExpression]: transformCallExpression,
    [ts.SyntaxKind.NewExpression]: transformNewExpression,
    [ts.SyntaxKind.PropertyAccessExpression]: transformPropertyAccess,
    [ts.SyntaxKind.ElementAccessExpression]: transformElementAccess,
    [ts.SyntaxKind.ArrowFunction]: transformFunctionExpression,
    [ts.SyntaxKind.FunctionExpression]: transformFunctionExpression,
    [ts.SyntaxKind.AwaitExpression]: transformAwaitExpression,
    [ts.SyntaxKind.YieldExpression]: transformYieldExpression,
    [ts.SyntaxKind.ClassExpression]: transformClassExpression,
    [ts.SyntaxKind.TypeOfExpression]: transformTypeOfExpression,
    [ts.SyntaxKind.DeleteExpression]: transformDeleteExpression,
    [ts.SyntaxKind.VoidExpression]: transformVoidExpression,
    [ts.SyntaxKind.RegularExpressionLiteral]: transformRegularExpressionLiteral,
  },
  statements: {
    [ts.SyntaxKind.VariableStatement]: transformVariableStatement,
    [ts.SyntaxKind.ExpressionStatement]: transformExpressionStatement,
    [ts.SyntaxKind.ReturnStatement]: transformReturnStatement,
    [ts.SyntaxKind.Block]: transformBlock,
    [ts.SyntaxKind.EmptyStatement]: transformEmptyStatement,
    [ts.SyntaxKind.IfStatement]: transformIfStatement,
    [ts.SyntaxKind.WhileStatement]: withLabeledExits(transformWhileStatement),
    [ts.SyntaxKind.DoStatement]: withLabeledExits(transformDoStatement),
    [ts.SyntaxKind.ForStatement]: withLabeledExits(transformForStatement),
    [ts.SyntaxKind.ForOfStatement]: withLabeledExits(transformForOfStatement),
    [ts.SyntaxKind.ForInStatement]: withLabeledExits(transformForInStatement),
    [ts.SyntaxKind.SwitchStatement]: withLabeledExits(transformSwitchStatement),
    [ts.SyntaxKind.BreakStatement]: transformBreakStatement,
    [ts.SyntaxKind.LabeledStatement]: transformLabeledStatement,
    [ts.SyntaxKind.ContinueStatement]: transformContinueStatement,
    [ts.SyntaxKind.FunctionDeclaration]: transformFunctionDeclaration,
    [ts.SyntaxKind.ClassDeclaration]: transformClassDeclaration,
    [ts.SyntaxKind.EnumDeclaration]: transformEnumDeclaration,
    [ts.SyntaxKind.TryStatement]: transformTryStatement,
    [ts.SyntaxKind.ThrowStatement]: transformThrowStatement,
    [ts.SyntaxKind.ImportDeclaration]: transformImportDeclaration,
    [ts.SyntaxKind.ImportEqualsDeclaration]: transformImportAlias,
    [ts.SyntaxKind.ExportDeclaration]: transformExportDeclaration,
    [ts.SyntaxKind.ExportAssignment]: transformExportAssignment,
    [ts.SyntaxKind.ModuleDeclaration]: transformModuleDeclaration,
    [ts.SyntaxKind.InterfaceDeclaration]: transformInterfaceDeclaration,
    [ts.SyntaxKind.TypeAliasDeclaration]: transformErasedDeclaration,
  },
  usingBlock,
};
