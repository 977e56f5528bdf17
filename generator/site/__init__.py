"""The site stage: stage the pages, build them with the engine, scan, and swap the site in.

``build_site`` is its one public function; ``guard.scan`` is the safety scan (also the
``accountbook guard`` command), and ``guard.Scanner`` looks at the downloads as they are written.
"""

from ..errors import SiteBuildError
from .build import UnsafeSiteError, build_site

__all__ = ["SiteBuildError", "UnsafeSiteError", "build_site"]
