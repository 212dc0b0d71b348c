from .abbreviations import Abbreviation  # noqa: F401 - a model of this app
from .analytics import SearchQueryDay  # noqa: F401 - a model of this app
from .promotions import Promotion  # noqa: F401 - a model of this app
from .thesaurus import SynonymGroup  # noqa: F401 - a model of this app
