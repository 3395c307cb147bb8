"""The programme's front door and the paths between its pages.

A programme home (a page type, or a block on the host's own home page) presents the
programme like a campaign: one main action that follows the visitor's state, what comes next
for them, stories, dates and the programme's numbers. Every programme page also shows where
it sits: section navigation and breadcrumbs (:mod:`wagtail_allyship.programme.navigation`).
"""
