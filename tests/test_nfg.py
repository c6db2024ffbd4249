"""The .nfg reader on hand-written files of every form Gambit accepts (and a few it refuses)."""

from fractions import Fraction

import pytest

from exactfair.errors import GameFileError
from exactfair.fairsets.nfg import normalize_labels, parse_nfg, read_nfg

PD = ((0, 0), (1, 0), (0, 1), (1, 1))       # player 1 fastest


def test_payoff_list_with_counts():
    g = parse_nfg('NFG 1 R "PD" { "P1" "P2" } { 2 2 }\n3 3 5 0 0 5 1 1\n')
    assert g.strategies == (("1", "2"), ("1", "2")) and g.kind == "R"
    assert [g.payoffs[p] for p in PD] == [(3, 3), (5, 0), (0, 5), (1, 1)]


def test_labelled_strategies_with_a_plain_payoff_list():
    """Layout decided by the body's first token (a number), not by the labels."""
    g = parse_nfg('NFG 1 R "PD" { "P1" "P2" } { { "C" "D" } { "C" "D" } }\n3 3 5 0 0 5 1 1')
    assert g.strategies == (("C", "D"), ("C", "D")) and g.payoffs[(1, 0)] == (5, 0)


def test_outcome_list_with_counts_and_commas():
    g = parse_nfg('NFG 1 R "o" { "A" "B" } { 2 2 }\n{ { "x" 1, 2 } { "y" 3 4 } }\n1 2 0 1')
    assert [g.payoffs[p] for p in PD] == [(1, 2), (3, 4), (0, 0), (1, 2)]


def test_outcome_list_with_labels_and_comment():
    text = ('NFG 1 R "Game with a comment" { "Alice" "Bob" }\n{ { "L" "R" } { "U" "D" } }\n"a comment\nover lines"\n'
            '{\n{ "" 1, -1 }\n{ "" -1, 1 }\n}\n1 2 2 1\n')
    g = parse_nfg(text)
    assert g.comment == "a comment\nover lines" and g.payoffs[(1, 0)] == (-1, 1)


def test_comment_before_a_payoff_list():
    g = parse_nfg('NFG 1 R "c" { "A" } { 2 } "just a note" 7 8')
    assert g.comment == "just a note" and g.payoffs[(1,)] == (8,)


def test_decimal_files_are_read_exactly():
    g = parse_nfg('NFG 1 D "dec" { "A" "B" } { 1 2 }\n0.1 1e-3 -2.50 .5')
    assert g.kind == "D" and g.payoffs[(0, 0)] == (Fraction(1, 10), Fraction(1, 1000))
    assert g.payoffs[(0, 1)] == (Fraction(-5, 2), Fraction(1, 2))


def test_escaped_quotes_and_backslashes_in_labels():
    g = parse_nfg(r'NFG 1 R "say \"hi\"" { "P \"one\"" "a\b" } { 1 1 } 1 2')
    assert g.title == 'say "hi"' and g.players == ('P "one"', "a\\b")


def test_empty_and_duplicate_labels_are_renamed_as_gambit_does():
    g = parse_nfg('NFG 1 R "" { "" "" } { { "x" "x" "x_1" } { "" } } 1 2 3 4 5 6')
    assert g.players == ("_1", "_2") and g.strategies == (("x_2", "x_3", "x_1"), ("_1",))
    assert normalize_labels(["a", "b"]) == ["a", "b"]


def test_rational_payoffs():
    g = parse_nfg('NFG 1 R "r" { "A" } { 2 } 1/3 -2/7')
    assert g.payoffs[(0,)] == (Fraction(1, 3),) and g.payoffs[(1,)] == (Fraction(-2, 7),)


@pytest.mark.parametrize("text, fragment", [
    ('NFG 2 R "t" { "A" } { 1 } 1', "line 1: expected NFG version 1"),
    ('NFG 1 X "t" { "A" } { 1 } 1', "data type 'R' (rational) or 'D'"),
    ('NFG 1 R "t" { "A" }\n{ 1 }\n"c" zz', "line 3: expected the payoffs: '{' (an outcome list) or a number"),
    ('NFG 1 R "t" { "A" } { 2 }\n{ { "o" 1 } }\n1 5', "line 3: expected an outcome index 0..1 for profile 2"),
    ('NFG 1 R "t" { "A" "B" } { 1 1 }\n{ { "o" 1 } }\n1', "line 2: expected payoff 2 of 2 of outcome 1"),
    ('NFG 1 R "t" { "A" } { 1 } 1 2', "expected the end of the file after the payoffs, found '2'"),
    ('NFG 1 R "t { "A" } { 1 } 1', "not closed"),
    ('NFG 1 R "t" { "A" } { 0 } ', "positive number of strategies"),
    ('NFG 1 R "t" { "A" } { 1 } 1e-99999', "exponent"),
])
def test_malformed_files_name_the_line_and_what_was_expected(text, fragment):
    with pytest.raises(GameFileError, match=fragment.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        parse_nfg(text)


def test_shipped_file(tmp_path):
    from exactfair.examples import data_path
    g = read_nfg(data_path("prisoners_dilemma.nfg"))
    assert g.strategies == (("Cooperate", "Defect"), ("Cooperate", "Defect"))
