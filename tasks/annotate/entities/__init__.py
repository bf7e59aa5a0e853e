"""Arabic named entities: PER/ORG/LOC mentions with offsets, linked across articles, offline.

Public API (wired into the flow by the lead):
    ANNOTATOR, annotate_entities(articles) -> ENTITIES frame, entity_dim(entities) -> ENTITY_DIM
    frame, tag_conll(in_path, out_path) -> None.
"""

from akhbar.tasks.annotate.entities.annotate import ANNOTATOR, annotate_entities
from akhbar.tasks.annotate.entities.conll import tag_conll
from akhbar.tasks.annotate.entities.dim import entity_dim

__all__ = ["ANNOTATOR", "annotate_entities", "entity_dim", "tag_conll"]
