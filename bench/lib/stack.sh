# stack.sh: sourced by the benches that start a stack of their own, before scripts/db.sh start
# writes its configuration. Best sellers are recounted at the production period (300 s), not the
# test stacks' 2 s: every worker's recount over the order lines would be what the run measures.
export BEST_SELLERS_REFRESH_SECONDS=${BEST_SELLERS_REFRESH_SECONDS:-300}
