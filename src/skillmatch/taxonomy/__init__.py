"""Skills, their names and relations, and the share of postings that ask for them.

The bundled default is a stack: the curated core (``ml-engineer``: hand-edited, with the seed
articles' demand figures) over three layers imported from public data (``onet-tech`` from
O*NET 29.2 Technology Skills, ``esco-tech`` from ESCO 1.1.1, ``devicon-tech`` from devicon's
developer technologies named as simple-icons names them). Each loads alone by name too.

>>> from skillmatch import load_taxonomy
>>> tax = load_taxonomy()
>>> tax["sklearn"].name, tax["python"].layer
('scikit-learn', 'ml-engineer')
"""

from ._devicon import import_devicon
from ._esco import import_esco
from ._load import DEFAULT_TAXONOMY, available_taxonomies, load_taxonomy, stack
from ._onet import import_onet
from ._model import CATEGORIES, DEGREE_CATEGORIES, Skill, Taxonomy, normalize_alias

__all__ = ["CATEGORIES", "DEFAULT_TAXONOMY", "DEGREE_CATEGORIES", "Skill", "Taxonomy",
           "available_taxonomies", "import_devicon", "import_esco", "import_onet", "load_taxonomy",
           "normalize_alias", "stack"]
