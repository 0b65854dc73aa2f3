"""The period a figure covers, from text cues and the publication date."""
from datetime import date

import pytest

from pipeline.store.period import period_for

PUB = date(2022, 9, 8)

CASES = [
    # sentence, figure text, published, period
    ("今年以来，全市共查处问题71起", "71", PUB, "2022-01/2022-09"),
    ("今年以来，全市共查处问题71起", "71", None, None),
    ("2019年以来，查处问题71起", "71", PUB, "2019-01/2022-09"),
    ("2019年以来，查处问题71起", "71", None, "2019-01/"),
    ("一年来，查处问题71起", "71", PUB, "2021-10/2022-09"),
    ("上半年，全省查处问题71起", "71", PUB, "2022-01/2022-06"),
    ("2021年上半年，全省查处问题71起", "71", PUB, "2021-01/2021-06"),
    ("1至9月，全省查处问题71起", "71", PUB, "2022-01/2022-09"),
    ("2022年1-6月，全省查处问题71起", "71", None, "2022-01/2022-06"),
    ("前三季度，全省查处问题71起", "71", PUB, "2022-01/2022-09"),
    ("去年全省查处问题71起", "71", PUB, "2021"),
    ("2020年全省查处问题71起，今年以来又查处12起", "71", PUB, "2020"),
    ("2020年全省查处问题71起，今年以来又查处12起", "12", PUB, "2022-01/2022-09"),
    ("全省查处问题71起", "71", PUB, None),
]


@pytest.mark.parametrize("sentence,figure,published,period", CASES)
def test_period(sentence, figure, published, period):
    assert period_for(sentence, sentence.index(figure), published) == period
