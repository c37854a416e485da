"""Networks of actors and events: who meets, mediates and speaks with whom."""
from timeline.graph.network import (actor_graph, actor_node, build_graph, ego_network, event_node,
                                    mediations, mediator_centrality, ordered_subgraph)

__all__ = ["actor_graph", "actor_node", "build_graph", "ego_network", "event_node", "mediations",
           "mediator_centrality", "ordered_subgraph"]
