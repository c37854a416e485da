"""Who is who: the knowledge base of actors, dated roles, places and outlets, and
the matcher that finds them in Arabic text."""
from timeline.knowledge.kb import Actor, Affiliation, KnowledgeBase, Outlet, Place, Role, RoleHolder, get_kb
from timeline.knowledge.matcher import EntityMatcher, EntityMention

__all__ = ["Actor", "Affiliation", "EntityMatcher", "EntityMention", "KnowledgeBase", "Outlet", "Place",
           "Role", "RoleHolder", "get_kb"]
