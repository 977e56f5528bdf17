"""The site stage: stage the pages, build them with the engine, scan, and swap the site in.

``build_site`` is its one public function (``scanned_as_written`` tells the downloads, written
before it is called, whether the scan looks at them as they are written); ``guard.scan`` is the
safety scan (also the ``accountbook guard`` command).
"""

from ..errors import SiteBuildError
from .build import UnsafeSiteError, build_site, scanned_as_written

__all__ = ["SiteBuildError", "UnsafeSiteError", "build_site", "scanned_as_written"]
