// parser/grammar.y: the LALR(1) grammar of eddy's Python 3.11 subset (everything but `match`
// and `except*`). Rules follow the classic Python 3 Grammar/Grammar layering, which is
// conflict-free for LALR(1); where CPython's PEG grammar needs lookahead, we parse a larger
// language and let parser/builder.cpp reject the extra shapes with CPython's messages.
// Actions only assemble nodes; every legality check lives in the Builder.

%require "3.8"
%language "c++"
%skeleton "lalr1.cc"
%define api.namespace {eddy::parse}
%define api.parser.class {Parser}
%define api.value.type variant
%define api.token.constructor
%define api.token.prefix {TOK_}
%define api.location.type {eddy::parse::Location}
%define parse.lac full
%define parse.error custom
%locations
%expect 0

%parse-param {eddy::lex::Lexer& lexer} {eddy::parse::Builder& b}
%lex-param {eddy::lex::Lexer& lexer}

%code requires {
#include <string>
#include <utility>
#include <vector>

#include "parser/ast.hpp"
#include "parser/builder.hpp"
#include "parser/token.hpp"

namespace eddy::lex { class Lexer; }
}

%code {
#include "lexer/lexer.hpp"

namespace eddy::parse {
namespace {
Parser::symbol_type yylex(lex::Lexer& lexer) { return lexer.next(); }
}
}

// A Builder check that failed has already recorded its SyntaxError: stop at once, so the
// first error is the one reported (never a cascade).
#define EDDY_CHECK(cond) do { if (!(cond)) YYABORT; } while (0)

using namespace eddy::ast;
}

// ---- tokens ----
%token END 0 "end of file"
%token START_FILE START_INTERACTIVE START_EVAL
%token NEWLINE "newline" INDENT "indent" DEDENT "dedent"
%token <std::string> NAME "name"
%token <eddy::parse::NumberLit> NUMBER "number"
%token <eddy::parse::StringLit> STRING "string"
%token FSTRING_START "f-string start" FSTRING_END "f-string end"
%token <std::string> FSTRING_MIDDLE "f-string text" FSTRING_EQ "f-string '='"
%token EXCLAIM "!"

%token FALSE "False" NONE "None" TRUE "True" AND "and" AS "as" ASSERT "assert" ASYNC "async"
       AWAIT "await" BREAK "break" CLASS "class" CONTINUE "continue" DEF "def" DEL "del"
       ELIF "elif" ELSE "else" EXCEPT "except" FINALLY "finally" FOR "for" FROM "from"
       GLOBAL "global" IF "if" IMPORT "import" IN "in" IS "is" LAMBDA "lambda"
       NONLOCAL "nonlocal" NOT "not" OR "or" PASS "pass" RAISE "raise" RETURN "return"
       TRY "try" WHILE "while" WITH "with" YIELD "yield" NOTIN "not in" ISNOT "is not"

%token LPAR "(" RPAR ")" LSQB "[" RSQB "]" LBRACE "{" RBRACE "}" COLON ":" COMMA ","
       SEMI ";" PLUS "+" MINUS "-" STAR "*" SLASH "/" VBAR "|" AMPER "&" LESS "<"
       GREATER ">" EQUAL "=" DOT "." PERCENT "%" EQEQUAL "==" NOTEQUAL "!=" LESSEQUAL "<="
       GREATEREQUAL ">=" TILDE "~" CIRCUMFLEX "^" LEFTSHIFT "<<" RIGHTSHIFT ">>"
       DOUBLESTAR "**" PLUSEQUAL "+=" MINEQUAL "-=" STAREQUAL "*=" SLASHEQUAL "/="
       PERCENTEQUAL "%=" AMPEREQUAL "&=" VBAREQUAL "|=" CIRCUMFLEXEQUAL "^="
       LEFTSHIFTEQUAL "<<=" RIGHTSHIFTEQUAL ">>=" DOUBLESTAREQUAL "**=" DOUBLESLASH "//"
       DOUBLESLASHEQUAL "//=" AT "@" ATEQUAL "@=" RARROW "->" ELLIPSIS "..."
       COLONEQUAL ":="

// ---- semantic values ----
%type <eddy::ast::StmtList> stmt stmts simple_stmts simple_list suite elif_tail else_opt finally_opt
%type <eddy::ast::Stmt*> simple_stmt compound_stmt expr_stmt if_stmt while_stmt for_stmt try_stmt
              with_stmt funcdef classdef decorated async_stmt import_stmt flow_stmt
              return_stmt raise_stmt global_stmt nonlocal_stmt assert_stmt del_stmt
%type <eddy::ast::Expr*> test or_test and_test not_test comparison expr xor_expr and_expr
              shift_expr arith_expr term factor power await_primary primary atom
              namedexpr_test test_or_star named_or_star star_expr lambdef
              testlist_star_expr yield_or_tuple yield_expr strings return_annot
              subscript slice_part_opt exprlist paren_atom list_atom brace_atom
%type <eddy::ast::ExprList> assign_chain decorators fstring_parts spec_parts fstring_part
                            spec_part field
%type <eddy::ast::Expr*> decorator
%type <eddy::parse::SeqItems> tse_items seq_items exprlist_items subscript_items del_items
%type <eddy::parse::StrParts> string_list
%type <eddy::ast::ExprList> fstring
%type <std::vector<std::pair<eddy::ast::CmpOpKind, eddy::ast::Expr*>>> comp_chain
%type <eddy::ast::CmpOpKind> comp_op
%type <eddy::ast::BinOpKind> augassign
%type <eddy::ast::ExprList> or_list and_list
%type <std::vector<eddy::parse::CallArg>> arglist arglist_opt args
%type <eddy::parse::CallArg> argument
%type <std::vector<eddy::parse::Param>> params params_opt lparams lparams_opt
%type <eddy::parse::Param> param lparam
%type <eddy::ast::Expr*> annot_opt default_opt
%type <std::vector<eddy::ast::Comprehension>> comp_for
%type <eddy::ast::Comprehension> comp_for_one
%type <std::vector<eddy::parse::DictItem>> dict_items
%type <eddy::parse::DictItem> dict_item
%type <std::vector<eddy::ast::ExceptHandler>> handlers
%type <eddy::ast::ExceptHandler> handler
%type <std::vector<eddy::ast::WithItem>> with_items paren_with_items
%type <eddy::ast::WithItem> with_item paren_with_item
%type <std::vector<eddy::ast::Alias>> dotted_as_names import_as_names import_targets
%type <eddy::ast::Alias> dotted_as_name import_as_name
%type <std::string> dotted_name fstring_conv_opt fstring_eq_opt
%type <int> dots
%type <std::vector<std::string>> name_list

%start start

%%

start
    : START_FILE file_input
    | START_INTERACTIVE interactive_input
    | START_EVAL eval_input
    ;

file_input
    : stmts END     { b.module().body = std::move($1); }
    | END           { }
    ;

interactive_input
    : END           { }
    | stmt END      { b.module().body = std::move($1); }
    ;

eval_input
    : testlist_star_expr newlines_opt END {
          auto* s = b.make<ExprStmt>(@1);
          s->value = $1;
          b.module().body.push_back(s);
      }
    ;

newlines_opt: %empty | newlines_opt NEWLINE ;

stmts
    : stmt          { $$ = std::move($1); }
    | stmts stmt    { $$ = std::move($1); for (Stmt* s : $2) $$.push_back(s); }
    ;

stmt
    : simple_stmts  { $$ = std::move($1); }
    | compound_stmt { $$.push_back($1); }
    ;

simple_stmts
    : simple_list NEWLINE       { $$ = std::move($1); }
    | simple_list ";" NEWLINE   { $$ = std::move($1); }
    ;

simple_list
    : simple_stmt                   { $$.push_back($1); }
    | simple_list ";" simple_stmt   { $$ = std::move($1); $$.push_back($3); }
    ;

simple_stmt
    : expr_stmt | del_stmt | flow_stmt | import_stmt | global_stmt | nonlocal_stmt
    | assert_stmt
    | PASS      { $$ = b.make<Pass>(@1); }
    ;

// ---- expression statements and assignments ----

expr_stmt
    : testlist_star_expr {
          auto* s = b.make<ExprStmt>(@1);
          s->value = $1;
          $$ = s;
      }
    | yield_expr {
          auto* s = b.make<ExprStmt>(@1);
          s->value = $1;
          $$ = s;
      }
    | testlist_star_expr augassign yield_or_tuple {
          $$ = b.aug_assign(@$, $1, $2, $3);
          EDDY_CHECK($$);
      }
    | testlist_star_expr ":" test {
          $$ = b.ann_assign(@$, $1, $3, nullptr);
          EDDY_CHECK($$);
      }
    | testlist_star_expr ":" test "=" yield_or_tuple {
          $$ = b.ann_assign(@$, $1, $3, $5);
          EDDY_CHECK($$);
      }
    | yield_expr assign_chain {
          $2.insert($2.begin(), $1);
          $$ = b.assign(@$, std::move($2));
          EDDY_CHECK($$);
      }
    | testlist_star_expr assign_chain {
          $2.insert($2.begin(), $1);
          $$ = b.assign(@$, std::move($2));
          EDDY_CHECK($$);
      }
    ;

assign_chain
    : "=" yield_or_tuple                { $$.push_back($2); }
    | assign_chain "=" yield_or_tuple   { $$ = std::move($1); $$.push_back($3); }
    ;

yield_or_tuple: yield_expr | testlist_star_expr ;

augassign
    : "+="  { $$ = BinOpKind::Add; }      | "-="  { $$ = BinOpKind::Sub; }
    | "*="  { $$ = BinOpKind::Mult; }     | "@="  { $$ = BinOpKind::MatMult; }
    | "/="  { $$ = BinOpKind::Div; }      | "%="  { $$ = BinOpKind::Mod; }
    | "&="  { $$ = BinOpKind::BitAnd; }   | "|="  { $$ = BinOpKind::BitOr; }
    | "^="  { $$ = BinOpKind::BitXor; }   | "<<=" { $$ = BinOpKind::LShift; }
    | ">>=" { $$ = BinOpKind::RShift; }   | "**=" { $$ = BinOpKind::Pow; }
    | "//=" { $$ = BinOpKind::FloorDiv; }
    ;

// `a, *b` with an optional trailing comma: a Tuple when any comma is present.
testlist_star_expr
    : tse_items         { $$ = b.tuple_or_single(@$, std::move($1)); }
    | tse_items ","     { $1.trailing_comma = true; $$ = b.tuple_or_single(@$, std::move($1)); }
    ;

tse_items
    : test_or_star                  { $$.items.push_back($1); }
    | tse_items "," test_or_star    { $$ = std::move($1); $$.items.push_back($3); }
    ;

test_or_star: test | star_expr ;
named_or_star: namedexpr_test | star_expr ;

star_expr
    : "*" expr {
          auto* e = b.make<Starred>(@$);
          e->value = $2;
          $$ = e;
      }
    ;

del_stmt
    : "del" del_items       { $$ = b.del(@$, std::move($2)); EDDY_CHECK($$); }
    | "del" del_items ","   { $$ = b.del(@$, std::move($2)); EDDY_CHECK($$); }
    ;

// `del *a` parses so that the check can say "cannot delete starred", as CPython does.
del_items
    : expr                      { $$.items.push_back($1); }
    | star_expr                 { $$.items.push_back($1); }
    | del_items "," expr        { $$ = std::move($1); $$.items.push_back($3); }
    | del_items "," star_expr   { $$ = std::move($1); $$.items.push_back($3); }
    ;

flow_stmt
    : "break"       { $$ = b.make<Break>(@1); }
    | "continue"    { $$ = b.make<Continue>(@1); }
    | return_stmt
    | raise_stmt
    ;

return_stmt
    : "return"      { $$ = b.make<Return>(@$); }
    | "return" testlist_star_expr {
          auto* s = b.make<Return>(@$);
          s->value = $2;
          $$ = s;
      }
    ;

raise_stmt
    : "raise"       { $$ = b.make<Raise>(@$); }
    | "raise" test {
          auto* s = b.make<Raise>(@$);
          s->exc = $2;
          $$ = s;
      }
    | "raise" test "from" test {
          auto* s = b.make<Raise>(@$);
          s->exc = $2;
          s->cause = $4;
          $$ = s;
      }
    ;

global_stmt
    : "global" name_list {
          auto* s = b.make<Global>(@$);
          s->names = std::move($2);
          $$ = s;
      }
    ;

nonlocal_stmt
    : "nonlocal" name_list {
          auto* s = b.make<Nonlocal>(@$);
          s->names = std::move($2);
          $$ = s;
      }
    ;

name_list
    : NAME                  { $$.push_back(std::move($1)); }
    | name_list "," NAME    { $$ = std::move($1); $$.push_back(std::move($3)); }
    ;

assert_stmt
    : "assert" test {
          auto* s = b.make<Assert>(@$);
          s->test = $2;
          $$ = s;
      }
    | "assert" test "," test {
          auto* s = b.make<Assert>(@$);
          s->test = $2;
          s->msg = $4;
          $$ = s;
      }
    ;

// ---- imports ----

import_stmt
    : "import" dotted_as_names {
          auto* s = b.make<Import>(@$);
          s->names = std::move($2);
          $$ = s;
      }
    | "from" dotted_name "import" import_targets {
          auto* s = b.make<ImportFrom>(@$);
          s->module = std::move($2);
          s->names = std::move($4);
          $$ = s;
      }
    | "from" dots dotted_name "import" import_targets {
          auto* s = b.make<ImportFrom>(@$);
          s->level = $2;
          s->module = std::move($3);
          s->names = std::move($5);
          $$ = s;
      }
    | "from" dots "import" import_targets {
          auto* s = b.make<ImportFrom>(@$);
          s->level = $2;
          s->names = std::move($4);
          $$ = s;
      }
    ;

dots
    : "."           { $$ = 1; }
    | "..."         { $$ = 3; }
    | dots "."      { $$ = $1 + 1; }
    | dots "..."    { $$ = $1 + 3; }
    ;

dotted_name
    : NAME                  { $$ = std::move($1); }
    | dotted_name "." NAME  { $$ = std::move($1) + "." + $3; }
    ;

dotted_as_names
    : dotted_as_name                        { $$.push_back(std::move($1)); }
    | dotted_as_names "," dotted_as_name    { $$ = std::move($1); $$.push_back(std::move($3)); }
    ;

dotted_as_name
    : dotted_name               { $$.name = std::move($1); $$.loc = to_loc(@$); }
    | dotted_name "as" NAME {
          $$.name = std::move($1);
          $$.asname = std::move($3);
          $$.loc = to_loc(@$);
      }
    ;

import_targets
    : "*" {
          Alias a;
          a.name = "*";
          a.loc = to_loc(@1);
          $$.push_back(std::move(a));
      }
    | import_as_names               { $$ = std::move($1); }
    | "(" import_as_names ")"       { $$ = std::move($2); }
    | "(" import_as_names "," ")"   { $$ = std::move($2); }
    ;

import_as_names
    : import_as_name                        { $$.push_back(std::move($1)); }
    | import_as_names "," import_as_name    { $$ = std::move($1); $$.push_back(std::move($3)); }
    ;

import_as_name
    : NAME              { $$.name = std::move($1); $$.loc = to_loc(@$); }
    | NAME "as" NAME    { $$.name = std::move($1); $$.asname = std::move($3); $$.loc = to_loc(@$); }
    ;

// ---- compound statements ----

compound_stmt
    : if_stmt | while_stmt | for_stmt | try_stmt | with_stmt | funcdef | classdef | decorated
    | async_stmt
    ;

async_stmt
    : "async" funcdef {
          auto* f = static_cast<FunctionDef*>($2);
          f->is_async = true;
          f->loc = to_loc(@$);
          $$ = f;
      }
    | "async" with_stmt {
          auto* w = static_cast<With*>($2);
          w->is_async = true;
          w->loc = to_loc(@$);
          $$ = w;
      }
    | "async" for_stmt {
          auto* f = static_cast<For*>($2);
          f->is_async = true;
          f->loc = to_loc(@$);
          $$ = f;
      }
    ;

suite
    : simple_stmts                      { $$ = std::move($1); }
    | NEWLINE INDENT stmts DEDENT       { $$ = std::move($3); }
    ;

if_stmt
    : "if" namedexpr_test ":" suite elif_tail {
          auto* s = b.make<If>(@$);
          s->test = $2;
          s->body = std::move($4);
          s->orelse = std::move($5);
          $$ = s;
      }
    ;

// `elif` becomes an If nested in orelse, as in CPython.
elif_tail
    : %empty                    { }
    | "else" ":" suite          { $$ = std::move($3); }
    | "elif" namedexpr_test ":" suite elif_tail {
          auto* s = b.make<If>(@$);
          s->test = $2;
          s->body = std::move($4);
          s->orelse = std::move($5);
          $$.push_back(s);
      }
    ;

else_opt
    : %empty                { }
    | "else" ":" suite      { $$ = std::move($3); }
    ;

while_stmt
    : "while" namedexpr_test ":" suite else_opt {
          auto* s = b.make<While>(@$);
          s->test = $2;
          s->body = std::move($4);
          s->orelse = std::move($5);
          $$ = s;
      }
    ;

for_stmt
    : "for" exprlist "in" testlist_star_expr ":" suite else_opt {
          EDDY_CHECK(b.set_target($2, Ctx::Store, TargetUse::For));
          auto* s = b.make<For>(@$);
          s->target = $2;
          s->iter = $4;
          s->body = std::move($6);
          s->orelse = std::move($7);
          $$ = s;
      }
    ;

try_stmt
    : "try" ":" suite handlers else_opt finally_opt {
          auto* s = b.make<Try>(@$);
          s->body = std::move($3);
          s->handlers = std::move($4);
          s->orelse = std::move($5);
          s->finalbody = std::move($6);
          $$ = s;
      }
    | "try" ":" suite "finally" ":" suite {
          auto* s = b.make<Try>(@$);
          s->body = std::move($3);
          s->finalbody = std::move($6);
          $$ = s;
      }
    ;

finally_opt
    : %empty                    { }
    | "finally" ":" suite       { $$ = std::move($3); }
    ;

handlers
    : handler                   { $$.push_back(std::move($1)); }
    | handlers handler          { $$ = std::move($1); $$.push_back(std::move($2)); }
    ;

handler
    : "except" ":" suite {
          $$.body = std::move($3);
          $$.loc = to_loc(@$);
      }
    | "except" test ":" suite {
          $$.type = $2;
          $$.body = std::move($4);
          $$.loc = to_loc(@$);
      }
    | "except" test "as" NAME ":" suite {
          $$.type = $2;
          $$.name = std::move($4);
          $$.body = std::move($6);
          $$.loc = to_loc(@$);
      }
    ;

with_stmt
    : "with" with_items ":" suite {
          $$ = b.with(@$, std::move($2), std::move($4));
          EDDY_CHECK($$);
      }
    ;

with_items
    : with_item                 { $$.push_back($1); }
    | with_items "," with_item  { $$ = std::move($1); $$.push_back($3); }
    ;

with_item
    : test              { $$.context_expr = $1; }
    | test "as" expr {
          EDDY_CHECK(b.set_target($3, Ctx::Store, TargetUse::With));
          $$.context_expr = $1;
          $$.optional_vars = $3;
      }
    ;

funcdef
    : "def" NAME "(" params_opt ")" return_annot ":" suite {
          auto* f = b.make<FunctionDef>(@$);
          f->name = std::move($2);
          EDDY_CHECK(b.arguments(f->args, std::move($4), false));
          f->returns = $6;
          f->body = std::move($8);
          $$ = f;
      }
    ;

return_annot
    : %empty        { $$ = nullptr; }
    | "->" test     { $$ = $2; }
    ;

classdef
    : "class" NAME ":" suite {
          auto* c = b.make<ClassDef>(@$);
          c->name = std::move($2);
          c->body = std::move($4);
          $$ = c;
      }
    | "class" NAME "(" arglist_opt ")" ":" suite {
          auto* c = b.make<ClassDef>(@$);
          c->name = std::move($2);
          for (const CallArg& a : $4) {
              if (a.kind == CallArg::Kind::Generator) {   // class A(x for x in y)
                  b.fail(a.loc, "invalid syntax");
                  YYABORT;
              }
          }
          // A class header is a call in disguise: reuse its argument checks.
          auto* call = static_cast<Call*>(b.call(@$, nullptr, std::move($4)));
          EDDY_CHECK(call);
          c->bases = std::move(call->args);
          c->keywords = std::move(call->keywords);
          c->body = std::move($7);
          $$ = c;
      }
    ;

decorated
    : decorators funcdef {
          static_cast<FunctionDef*>($2)->decorator_list = std::move($1);
          $$ = $2;
      }
    | decorators "async" funcdef {
          auto* f = static_cast<FunctionDef*>($3);
          f->decorator_list = std::move($1);
          f->is_async = true;
          f->loc = to_loc(Location{@2.begin, @3.end});
          $$ = f;
      }
    | decorators classdef {
          static_cast<ClassDef*>($2)->decorator_list = std::move($1);
          $$ = $2;
      }
    ;

decorators
    : decorator             { $$.push_back($1); }
    | decorators decorator  { $$ = std::move($1); $$.push_back($2); }
    ;

decorator: "@" namedexpr_test NEWLINE { $$ = $2; } ;

// ---- parameters: a flat list checked by Builder::arguments ----

params_opt
    : %empty            { }
    | params            { $$ = std::move($1); }
    | params ","        { $$ = std::move($1); }
    ;

params
    : param             { $$.push_back(std::move($1)); }
    | params "," param  { $$ = std::move($1); $$.push_back(std::move($3)); }
    ;

param
    : NAME annot_opt default_opt {
          $$.name = std::move($1);
          $$.annotation = $2;
          $$.default_value = $3;
          $$.loc = Location{@1.begin, @2.end};
      }
    | "*"                   { $$.kind = Param::Kind::Star; $$.loc = $$.whole = @$; }
    | "*" NAME annot_opt {
          $$.kind = Param::Kind::Star;
          $$.name = std::move($2);
          $$.annotation = $3;
          $$.loc = Location{@2.begin, @3.end};
          $$.whole = @$;
      }
    | "**" NAME annot_opt {
          $$.kind = Param::Kind::DoubleStar;
          $$.name = std::move($2);
          $$.annotation = $3;
          $$.loc = Location{@2.begin, @3.end};
          $$.whole = @$;
      }
    | "*" NAME annot_opt "=" test {
          b.fail(@4, "var-positional argument cannot have default value");
          YYABORT;
      }
    | "**" NAME annot_opt "=" test {
          b.fail(@4, "var-keyword argument cannot have default value");
          YYABORT;
      }
    | "/"                   { $$.kind = Param::Kind::Slash; $$.loc = @$; }
    ;

annot_opt
    : %empty        { $$ = nullptr; }
    | ":" test      { $$ = $2; }
    ;

default_opt
    : %empty        { $$ = nullptr; }
    | "=" test      { $$ = $2; }
    ;

lparams_opt
    : %empty            { }
    | lparams           { $$ = std::move($1); }
    | lparams ","       { $$ = std::move($1); }
    ;

lparams
    : lparam                { $$.push_back(std::move($1)); }
    | lparams "," lparam    { $$ = std::move($1); $$.push_back(std::move($3)); }
    ;

lparam
    : NAME default_opt {
          $$.name = std::move($1);
          $$.default_value = $2;
          $$.loc = @1;
      }
    | "*"           { $$.kind = Param::Kind::Star; $$.loc = $$.whole = @$; }
    | "*" NAME {
          $$.kind = Param::Kind::Star;
          $$.name = std::move($2);
          $$.loc = @2;
          $$.whole = @$;
      }
    | "**" NAME {
          $$.kind = Param::Kind::DoubleStar;
          $$.name = std::move($2);
          $$.loc = @2;
          $$.whole = @$;
      }
    | "*" NAME "=" test {
          b.fail(@3, "var-positional argument cannot have default value");
          YYABORT;
      }
    | "**" NAME "=" test {
          b.fail(@3, "var-keyword argument cannot have default value");
          YYABORT;
      }
    | "/"           { $$.kind = Param::Kind::Slash; $$.loc = @$; }
    ;

// ---- expressions, loosest binding first ----

namedexpr_test
    : test
    | test ":=" test    { $$ = b.named_expr(@$, $1, $3); EDDY_CHECK($$); }
    ;

test
    : or_test
    | or_test "if" or_test "else" test {
          auto* e = b.make<IfExp>(@$);
          e->body = $1;
          e->test = $3;
          e->orelse = $5;
          $$ = e;
      }
    | lambdef
    ;

lambdef
    : "lambda" lparams_opt ":" test { $$ = b.lambda(@$, std::move($2), $4); EDDY_CHECK($$); }
    ;

or_test
    : and_test
    | or_list       { $$ = b.boolop(@$, BoolOpKind::Or, std::move($1)); }
    ;

or_list
    : and_test "or" and_test    { $$.push_back($1); $$.push_back($3); }
    | or_list "or" and_test     { $$ = std::move($1); $$.push_back($3); }
    ;

and_test
    : not_test
    | and_list      { $$ = b.boolop(@$, BoolOpKind::And, std::move($1)); }
    ;

and_list
    : not_test "and" not_test   { $$.push_back($1); $$.push_back($3); }
    | and_list "and" not_test   { $$ = std::move($1); $$.push_back($3); }
    ;

not_test
    : "not" not_test    { $$ = b.unary(@$, UnaryOpKind::Not, $2); }
    | comparison
    ;

// One Compare node per chain: a < b < c is Compare(a, [Lt, Lt], [b, c]).
comparison
    : expr
    | expr comp_chain   { $$ = b.compare(@$, $1, std::move($2)); }
    ;

comp_chain
    : comp_op expr              { $$.emplace_back($1, $2); }
    | comp_chain comp_op expr   { $$ = std::move($1); $$.emplace_back($2, $3); }
    ;

comp_op
    : "<"  { $$ = CmpOpKind::Lt; }     | ">"  { $$ = CmpOpKind::Gt; }
    | "==" { $$ = CmpOpKind::Eq; }     | ">=" { $$ = CmpOpKind::GtE; }
    | "<=" { $$ = CmpOpKind::LtE; }    | "!=" { $$ = CmpOpKind::NotEq; }
    | "in" { $$ = CmpOpKind::In; }     | "not in" { $$ = CmpOpKind::NotIn; }
    | "is" { $$ = CmpOpKind::Is; }     | "is not" { $$ = CmpOpKind::IsNot; }
    ;

expr
    : xor_expr
    | expr "|" xor_expr         { $$ = b.binop(@$, $1, BinOpKind::BitOr, $3); }
    ;

xor_expr
    : and_expr
    | xor_expr "^" and_expr     { $$ = b.binop(@$, $1, BinOpKind::BitXor, $3); }
    ;

and_expr
    : shift_expr
    | and_expr "&" shift_expr   { $$ = b.binop(@$, $1, BinOpKind::BitAnd, $3); }
    ;

shift_expr
    : arith_expr
    | shift_expr "<<" arith_expr    { $$ = b.binop(@$, $1, BinOpKind::LShift, $3); }
    | shift_expr ">>" arith_expr    { $$ = b.binop(@$, $1, BinOpKind::RShift, $3); }
    ;

arith_expr
    : term
    | arith_expr "+" term       { $$ = b.binop(@$, $1, BinOpKind::Add, $3); }
    | arith_expr "-" term       { $$ = b.binop(@$, $1, BinOpKind::Sub, $3); }
    ;

term
    : factor
    | term "*" factor           { $$ = b.binop(@$, $1, BinOpKind::Mult, $3); }
    | term "/" factor           { $$ = b.binop(@$, $1, BinOpKind::Div, $3); }
    | term "%" factor           { $$ = b.binop(@$, $1, BinOpKind::Mod, $3); }
    | term "//" factor          { $$ = b.binop(@$, $1, BinOpKind::FloorDiv, $3); }
    | term "@" factor           { $$ = b.binop(@$, $1, BinOpKind::MatMult, $3); }
    ;

// Unary minus binds looser than **: -2**2 is -(2**2).
factor
    : "+" factor    { $$ = b.unary(@$, UnaryOpKind::UAdd, $2); }
    | "-" factor    { $$ = b.unary(@$, UnaryOpKind::USub, $2); }
    | "~" factor    { $$ = b.unary(@$, UnaryOpKind::Invert, $2); }
    | power
    ;

// ** is right-associative: its right operand is a factor, which may hold another **.
power
    : await_primary
    | await_primary "**" factor { $$ = b.binop(@$, $1, BinOpKind::Pow, $3); }
    ;

await_primary
    : primary
    | "await" primary {
          auto* e = b.make<Await>(@$);
          e->value = $2;
          $$ = e;
      }
    ;

primary
    : atom
    | primary "." NAME {
          auto* e = b.make<Attribute>(@$);
          e->value = $1;
          e->attr = std::move($3);
          $$ = e;
      }
    | primary "(" arglist_opt ")" {
          $$ = b.call(@$, $1, std::move($3));
          EDDY_CHECK($$);
          // f(x for x in y): the generator's span is the call's parentheses, as in CPython.
          auto* call = static_cast<Call*>($$);
          if (call->args.size() == 1 && call->args[0]->kind == ExprKind::GeneratorExp &&
              !b.is_parenthesized(call->args[0]))
              call->args[0]->loc = to_loc(Location{@2.begin, @4.end});
      }
    | primary "[" subscript_items "]" {
          auto* e = b.make<Subscript>(@$);
          e->value = $1;
          e->slice = b.subscript_slice(@3, std::move($3));
          $$ = e;
      }
    | primary "[" subscript_items "," "]" {
          auto* e = b.make<Subscript>(@$);
          e->value = $1;
          $3.trailing_comma = true;
          e->slice = b.subscript_slice(Location{@3.begin, @4.end}, std::move($3));
          $$ = e;
      }
    ;

atom
    : NAME          { $$ = b.name(@1, std::move($1)); }
    | NUMBER        { $$ = b.number(@1, $1); }
    | strings
    | "..."         { $$ = b.constant(@1, ConstKind::Ellipsis); }
    | "None"        { $$ = b.constant(@1, ConstKind::None); }
    | "True"        { $$ = b.constant(@1, ConstKind::True); }
    | "False"       { $$ = b.constant(@1, ConstKind::False); }
    | paren_atom
    | list_atom
    | brace_atom
    ;

// ( ), (yield), (x), (x,), (x for ...), and `(a as b, ...)` kept for a with-statement.
paren_atom
    : "(" ")"               { $$ = b.sequence(@$, ExprKind::Tuple, {}); }
    | "(" yield_expr ")"    { $$ = b.parenthesized($2); }
    | "(" seq_items ")" {
          if ($2.items.size() == 1 && !$2.trailing_comma) {
              if ($2.items[0]->kind == ExprKind::Starred) {
                  b.fail_at($2.items[0], "cannot use starred expression here");
                  YYABORT;
              }
              $$ = b.parenthesized($2.items[0]);
          } else {
              $$ = b.parenthesized(b.sequence(@$, ExprKind::Tuple, std::move($2.items)));
          }
      }
    | "(" seq_items "," ")" {
          $$ = b.parenthesized(b.sequence(@$, ExprKind::Tuple, std::move($2.items)));
      }
    | "(" named_or_star comp_for ")" {
          $$ = b.comprehension(@$, ExprKind::GeneratorExp, $2, std::move($3));
          EDDY_CHECK($$);
          b.parenthesized($$);
      }
    | "(" paren_with_items ")" {
          auto* t = b.sequence(@$, ExprKind::Tuple, {});
          b.remember_with_items(t, std::move($2), @2);
          $$ = t;
      }
    | "(" paren_with_items "," ")" {
          auto* t = b.sequence(@$, ExprKind::Tuple, {});
          b.remember_with_items(t, std::move($2), @2);
          $$ = t;
      }
    ;

// At least one `as` item; plain items may come before or after it.
paren_with_items
    : paren_with_item                   { $$.push_back($1); }
    | seq_items "," paren_with_item {
          for (Expr* e : $1.items) { WithItem w; w.context_expr = e; $$.push_back(w); }
          $$.push_back($3);
      }
    | paren_with_items "," named_or_star {
          $$ = std::move($1);
          WithItem w;
          w.context_expr = $3;
          $$.push_back(w);
      }
    | paren_with_items "," paren_with_item  { $$ = std::move($1); $$.push_back($3); }
    ;

paren_with_item
    : test "as" expr {
          EDDY_CHECK(b.set_target($3, Ctx::Store, TargetUse::With));
          $$.context_expr = $1;
          $$.optional_vars = $3;
      }
    ;

seq_items
    : named_or_star                 { $$.items.push_back($1); }
    | seq_items "," named_or_star   { $$ = std::move($1); $$.items.push_back($3); }
    ;

list_atom
    : "[" "]"                   { $$ = b.sequence(@$, ExprKind::List, {}); }
    | "[" seq_items "]"         { $$ = b.sequence(@$, ExprKind::List, std::move($2.items)); }
    | "[" seq_items "," "]"     { $$ = b.sequence(@$, ExprKind::List, std::move($2.items)); }
    | "[" named_or_star comp_for "]" {
          $$ = b.comprehension(@$, ExprKind::ListComp, $2, std::move($3));
          EDDY_CHECK($$);
      }
    ;

brace_atom
    : "{" "}"                   { $$ = b.dict(@$, {}); }
    | "{" dict_items "}"        { $$ = b.dict(@$, std::move($2)); }
    | "{" dict_items "," "}"    { $$ = b.dict(@$, std::move($2)); }
    | "{" dict_item comp_for "}" { $$ = b.dict_comp(@$, $2, std::move($3)); EDDY_CHECK($$); }
    | "{" seq_items "}"         { $$ = b.sequence(@$, ExprKind::Set, std::move($2.items)); }
    | "{" seq_items "," "}"     { $$ = b.sequence(@$, ExprKind::Set, std::move($2.items)); }
    | "{" named_or_star comp_for "}" {
          $$ = b.comprehension(@$, ExprKind::SetComp, $2, std::move($3));
          EDDY_CHECK($$);
      }
    ;

dict_items
    : dict_item                 { $$.push_back($1); }
    | dict_items "," dict_item  { $$ = std::move($1); $$.push_back($3); }
    ;

dict_item
    : test ":" test     { $$.key = $1; $$.value = $3; $$.loc = @$; }
    | "**" expr         { $$.value = $2; $$.loc = @$; }
    | test ":" star_expr {
          b.fail(@3, "cannot use a starred expression in a dictionary value");
          YYABORT;
      }
    ;

comp_for
    : comp_for_one                  { $$.push_back(std::move($1)); }
    | comp_for comp_for_one         { $$ = std::move($1); $$.push_back(std::move($2)); }
    | comp_for "if" or_test     { $$ = std::move($1); $$.back().ifs.push_back($3); }
    ;

comp_for_one
    : "for" exprlist "in" or_test {
          EDDY_CHECK(b.set_target($2, Ctx::Store, TargetUse::Comprehension));
          $$.target = $2;
          $$.iter = $4;
      }
    | "async" "for" exprlist "in" or_test {
          EDDY_CHECK(b.set_target($3, Ctx::Store, TargetUse::Comprehension));
          $$.target = $3;
          $$.iter = $5;
          $$.is_async = true;
      }
    ;

// Targets of for loops and comprehensions: `expr` so that `in` ends them.
exprlist
    : exprlist_items        { $$ = b.tuple_or_single(@$, std::move($1)); }
    | exprlist_items ","    { $1.trailing_comma = true; $$ = b.tuple_or_single(@$, std::move($1)); }
    ;

exprlist_items
    : expr                          { $$.items.push_back($1); }
    | star_expr                     { $$.items.push_back($1); }
    | exprlist_items "," expr       { $$ = std::move($1); $$.items.push_back($3); }
    | exprlist_items "," star_expr  { $$ = std::move($1); $$.items.push_back($3); }
    ;

subscript_items
    : subscript                         { $$.items.push_back($1); }
    | subscript_items "," subscript     { $$ = std::move($1); $$.items.push_back($3); }
    ;

subscript
    : named_or_star
    | slice_part_opt ":" slice_part_opt {
          auto* s = b.make<Slice>(Location{$1 ? @1.begin : @2.begin, @$.end});
          s->lower = $1;
          s->upper = $3;
          $$ = s;
      }
    | slice_part_opt ":" slice_part_opt ":" slice_part_opt {
          auto* s = b.make<Slice>(Location{$1 ? @1.begin : @2.begin, @$.end});
          s->lower = $1;
          s->upper = $3;
          s->step = $5;
          $$ = s;
      }
    ;

slice_part_opt
    : %empty        { $$ = nullptr; }
    | test
    ;

arglist_opt
    : %empty        { }
    | arglist       { $$ = std::move($1); }
    ;

arglist
    : args          { $$ = std::move($1); }
    | args ","      { $$ = std::move($1); }
    ;

args
    : argument              { $$.push_back(std::move($1)); }
    | args "," argument     { $$ = std::move($1); $$.push_back(std::move($3)); }
    ;

// `NAME = expr` is parsed as `test = test` (LALR cannot look past NAME) and checked later.
argument
    : test                  { $$.value = $1; $$.loc = @$; }
    | test ":=" test {
          $$.value = b.named_expr(@$, $1, $3);
          EDDY_CHECK($$.value);
          $$.loc = @$;
      }
    | test comp_for {
          $$.kind = CallArg::Kind::Generator;
          $$.value = b.comprehension(@$, ExprKind::GeneratorExp, $1, std::move($2));
          EDDY_CHECK($$.value);
          $$.loc = @$;
      }
    | test "=" test {
          $$.kind = CallArg::Kind::Keyword;
          $$.value = $3;
          $$.loc = @$;
          if ($1->kind != ExprKind::Name || b.is_parenthesized($1)) {
              b.fail(Location{@1.begin, @3.end},
                     "expression cannot contain assignment, perhaps you meant \"==\"?");
              YYABORT;
          }
          $$.name = static_cast<Name*>($1)->id;
      }
    | "*" test {
          $$.kind = CallArg::Kind::Star;
          auto* s = b.make<Starred>(@$);
          s->value = $2;
          $$.value = s;
          $$.loc = @$;
      }
    | "**" test             { $$.kind = CallArg::Kind::DoubleStar; $$.value = $2; $$.loc = @$; }
    ;

yield_expr
    : "yield"       { $$ = b.make<Yield>(@$); }
    | "yield" testlist_star_expr {
          auto* e = b.make<Yield>(@$);
          e->value = $2;
          $$ = e;
      }
    | "yield" "from" test {
          auto* e = b.make<YieldFrom>(@$);
          e->value = $3;
          $$ = e;
      }
    ;

// ---- strings: adjacent literals are merged here ----

strings
    : string_list   { $$ = b.finish_strings(@$, std::move($1)); EDDY_CHECK($$); }
    ;

string_list
    : STRING                { b.add_string($$, @1, std::move($1)); }
    | fstring               { b.add_fstring($$, std::move($1)); }
    | string_list STRING    { $$ = std::move($1); b.add_string($$, @2, std::move($2)); }
    | string_list fstring   { $$ = std::move($1); b.add_fstring($$, std::move($2)); }
    ;

fstring
    : FSTRING_START fstring_parts FSTRING_END {
          b.locate_specs($2, @$);
          $$ = std::move($2);
      }
    ;

fstring_parts
    : %empty                        { }
    | fstring_parts fstring_part    { $$ = std::move($1); for (Expr* e : $2) $$.push_back(e); }
    ;

fstring_part
    : FSTRING_MIDDLE        { $$.push_back(b.fstring_text(@1, std::move($1))); }
    | field                 { $$ = std::move($1); }
    ;

// One replacement field; `{x=}` yields the text "x=" and then the value.
field
    : "{" yield_or_tuple fstring_eq_opt fstring_conv_opt "}" {
          $$ = b.fstring_field(@$, $2, std::move($3), $4, @4, nullptr);
          EDDY_CHECK(!$$.empty());
      }
    | "{" yield_or_tuple fstring_eq_opt fstring_conv_opt ":" spec_parts "}" {
          $$ = b.fstring_field(@$, $2, std::move($3), $4, @4, &$6);
          EDDY_CHECK(!$$.empty());
      }
    ;

// `{x=}`: the lexer hands over the expression's source text (with the `=`).
fstring_eq_opt
    : %empty        { }
    | FSTRING_EQ    { $$ = std::move($1); }
    ;

fstring_conv_opt
    : %empty        { }
    | "!" NAME      { $$ = std::move($2); }
    ;

spec_parts
    : %empty                { }
    | spec_parts spec_part  { $$ = std::move($1); for (Expr* e : $2) $$.push_back(e); }
    ;

spec_part
    : FSTRING_MIDDLE        { $$.push_back(b.fstring_text(@1, std::move($1))); }
    | field                 { $$ = std::move($1); }
    ;

%%
