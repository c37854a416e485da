"""Machine-readable exports."""
from timeline.export.json_export import export_dict, write_json

__all__ = ["export_dict", "write_json"]
