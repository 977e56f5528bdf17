"""The site's languages: translated page texts and locale formatting of numbers, money and dates.

Page texts are written in English in the templates and in the code, marked ``_("...")`` (or
``N_("...")`` where the text is kept for later), and translated from the gettext catalogs in
``generator/locales/<code>/LC_MESSAGES/accountbook.po``. Numbers, money, percentages and dates
follow the language's locale through Babel (CLDR data): ``1 234,56 Kč``, ``1.234,56 €``,
``$1,234.56``, ``31. 3. 2026``.

Spreadsheet values are never translated; they are escaped like everywhere else. The catalogs are
ours, so a translation is trusted text, but what it wraps (``{name}`` placeholders) is escaped.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)
from babel.support import NullTranslations, Translations

from .pages.markdown import Safe, escape

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "accountbook"
SOURCE_LANGUAGE = "en"  # the language the texts are written in: it needs no catalog
NO_VALUE = "–"
_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


class LanguageError(Exception):
    """A configured language has no catalog, or is not a language code Babel knows."""


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark, translate later")
    """Mark ``message`` for the catalogs without translating it here."""
    return message


def available() -> list[str]:
    """The languages the site can be built in: English and every language with a catalog."""
    found = sorted(
        folder.name
        for folder in LOCALES.iterdir()
        if (folder / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    )
    return [SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE)]


def check_languages(codes: tuple[str, ...]) -> None:
    """Raise :class:`LanguageError` unless every code is a known locale with a catalog."""
    known = available()
    if not codes:
        raise LanguageError("languages is empty: name at least one, such as en")
    for code in codes:
        if code not in known:
            raise LanguageError(
                f"there is no translation catalog for the language {code!r}; "
                f"available: {', '.join(known)} (see docs/guide/languages.md to add one)"
            )
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise LanguageError(f"languages names {', '.join(duplicates)} more than once")


@cache
def _english_words() -> dict[tuple[str, str], str]:
    """The contract's English labels of its lists' words: {("Clients.segment", "smb"): ...}."""
    from .contract import load_schema

    return {
        (f"{table.name}.{field.name}", code): label
        for table in load_schema().tables
        for field in table.fields
        for code, label in field.labels
    }


@cache
def _translations(code: str) -> NullTranslations:
    """The catalog of ``code``, compiled in memory (the repository keeps only the .po text)."""
    if code == SOURCE_LANGUAGE:
        return NullTranslations()
    with (LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as stream:
        catalog = read_po(stream, locale=code.replace("-", "_"))
    compiled = io.BytesIO()
    # Fuzzy entries are drafts: they fall back to English rather than show a guess.
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


class Language:
    """One language of the site: its texts and its locale's formats."""

    def __init__(self, code: str) -> None:
        try:
            self.locale = Locale.parse(code, sep="-")
        except (UnknownLocaleError, ValueError) as error:
            raise LanguageError(f"{code!r} is not a language code Babel knows") from error
        self.code = code
        self._translations = _translations(code)
        self._group = get_group_symbol(self.locale)
        self._decimal = get_decimal_symbol(self.locale)
        self._minus = get_minus_sign_symbol(self.locale)
        # The fast path below groups by threes, as the languages we ship do; a locale that
        # groups otherwise (hi, say) is formatted by Babel itself.
        self._threes = self.locale.decimal_formats[None].grouping == (3, 3)
        percent_pattern = self.locale.percent_formats[None].pattern
        self._percent_pattern = percent_pattern.replace("0%", "0.0%").replace("0\xa0%", "0.0\xa0%")
        self.day = lru_cache(maxsize=4096)(self._day)
        # Babel's compact formats cost 60 us a number; a chart's axis repeats the same ticks.
        self.compact = lru_cache(maxsize=8192)(self._compact)
        self._currency_around: dict[str, tuple[str, str] | tuple[()]] = {}

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    @property
    def name(self) -> str:
        """The language's name in itself, as a switcher shows it: Čeština, Ελληνικά, Tagalog."""
        plain = self.locale.languages.get(self.code.replace("-", "_"))
        name = plain or self.locale.get_display_name() or self.code
        return name[:1].upper() + name[1:]

    # Texts

    def gettext(self, message: str) -> str:
        """``message`` in this language (English when the catalog lacks it)."""
        return self._translations.ugettext(message)

    def _(self, message: str, /, **values: Any) -> Safe:
        """``message`` translated, with ``{name}`` placeholders filled by escaped values."""
        return _fill(self.gettext(message), values)

    def n_(self, singular: str, plural: str, count: int, /, **values: Any) -> Safe:
        """The singular or plural form for ``count``, by the language's plural rules."""
        text = self._translations.ungettext(singular, plural, count)
        return _fill(text, {"count": self.integer(count), **values})

    def word(self, context: str, value: str | None) -> str | None:
        """A word of one of the contract's lists (``Clients.status``: active, churned, ...)."""
        if not value:
            return value
        if self.code == SOURCE_LANGUAGE:
            return _english_words().get((context, value), value)
        return self._translations.upgettext(context, value)

    # Numbers

    def integer(self, value: int | None) -> str:
        if value is None:
            return NO_VALUE
        return self._number(f"{value:,d}")

    def decimal(self, value: Decimal) -> str:
        """A number as it is given (``-70.4``), in the locale's symbols."""
        return self._number(f"{value:,f}")

    def money(self, value: Decimal | None) -> str:
        """An amount with two decimals and the locale's separators, without a currency."""
        if value is None:
            return NO_VALUE
        rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
        if not rounded:
            rounded = abs(rounded)  # no "-0.00"
        if not self._threes:
            return format_decimal(rounded, "#,##0.00", locale=self.locale)
        return self._number(f"{rounded:,.2f}")

    def amount(self, value: Decimal | None, currency: str) -> str:
        """An amount with its currency, placed as the locale places it: 1 234,56 Kč, $1,234.56."""
        if value is None:
            return NO_VALUE
        rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
        if not rounded:
            rounded = abs(rounded)
        around = self._currency_around.get(currency)
        if around is None:
            around = self._currency_around[currency] = self._around(currency)
        if around and rounded >= 0:
            return around[0] + self.money(rounded) + around[1]
        return format_currency(rounded, currency, locale=self.locale)

    def _around(self, currency: str) -> tuple[str, str] | tuple[()]:
        """What Babel writes before and after a positive amount of ``currency`` with two
        decimals (``("", " Kč")``), so that an amount is formatted like a table's number; or
        nothing, for a currency without two decimals (JPY) or an unusual pattern."""
        sample = Decimal("1234567.89")
        written, number = format_currency(sample, currency, locale=self.locale), self.money(sample)
        if written.count(number) != 1:
            return ()
        before, after = written.split(number)
        small = Decimal("0.05")
        if before + self.money(small) + after != format_currency(
            small, currency, locale=self.locale
        ):
            return ()
        return before, after

    def whole_amount(self, value: Decimal, currency: str) -> str:
        """An amount rounded to whole units, with its currency: €38,051; 38 051 Kč."""
        rounded = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        written = self.amount(rounded, currency)
        return written.replace(f"{self._decimal}00", "", 1)

    def _compact(self, value: Decimal, currency: str | None = None) -> str:
        """A rounded amount as the locale shortens it, for chart axes and scorecards: 3.5M,
        3,5 mil., 3,5 εκ.; with ``currency``, €4.88M, 4,88 mil. €."""
        digits = 2 if currency else 1
        if currency:
            written = format_compact_currency(
                value, currency, locale=self.locale, fraction_digits=digits
            )
        else:
            written = format_compact_decimal(value, locale=self.locale, fraction_digits=digits)
        if not any(character.isalpha() for character in written.replace(currency or "", "")):
            # The locale does not shorten this size (German thousands): the whole amount.
            if currency:
                return self.amount(value, currency)
            return self.integer(int(value.to_integral_value(rounding=ROUND_HALF_UP)))
        return written

    def percent(self, value: Decimal | None) -> str:
        """A share as a percentage with one decimal: 12.3%, 12,3 %."""
        if value is None:
            return NO_VALUE
        rounded = value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
        return format_percent(rounded, self._percent_pattern, locale=self.locale)

    def _number(self, formatted: str) -> str:
        """Python's ``1,234.56`` in the locale's symbols."""
        return (
            formatted.replace(",", "\0")
            .replace(".", self._decimal)
            .replace("\0", self._group)
            .replace("-", self._minus)
        )

    # Dates

    def _day(self, value: date | None) -> str:
        """A date in the locale's medium format: Mar 31, 2026; 31. 3. 2026; 31.03.2026."""
        if value is None:
            return NO_VALUE
        return format_date(value, "medium", locale=self.locale)


def _fill(text: str, values: dict[str, Any]) -> Safe:
    if not values:
        return Safe(text)
    return Safe(text.format_map({name: escape(value) for name, value in values.items()}))


@cache
def language(code: str) -> Language:
    """The :class:`Language` for ``code`` (made once per process)."""
    return Language(code)
