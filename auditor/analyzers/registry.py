"""The analyzer registry, like the connector one: every module of this package (a module with an
`@register`-decorated Analyzer is a check) plus the `offduty.analyzers` entry points.

A check declares its policy topics. A built-in whose topic the default policy does not map to a
clause, or that has no remediation steps, is a load error (a bug in offduty); a check from another
package, or an agency policy that leaves a topic out, gets a warning note in the audit result instead
(`topic_problems`), and its findings are still reported.
"""

from __future__ import annotations

from auditor.plugins import Registry
from auditor.policy import Policy, load_policy
from auditor.remediation import has_steps

from .base import Analyzer


def unmapped_topics(analyzer: Analyzer, policy: Policy) -> list[str]:
    """The analyzer's declared topics that the policy does not map to a clause."""
    return [topic for topic in analyzer.topics if not policy.clause_for(topic)]


def topics_without_steps(analyzer: Analyzer) -> list[str]:
    """The analyzer's declared topics that remediation.yaml has no steps for."""
    return [topic for topic in analyzer.topics if not has_steps(topic)]


def topic_problems(analyzer: Analyzer, policy: Policy) -> list[str]:
    """What keeps the analyzer's findings from being filed and explained, one plain sentence each."""
    if not analyzer.topics:
        return [f"the {analyzer.name} check declares no policy topics"]
    return ([f"the {analyzer.name} check reports under the topic '{topic}', which the policy '{policy.name}' does not "
             "map to a clause (its 'topics:' list)" for topic in unmapped_topics(analyzer, policy)]
            + [f"the {analyzer.name} check reports under the topic '{topic}', which has no remediation steps in "
               "remediation.yaml" for topic in topics_without_steps(analyzer)])


def _check_builtin(analyzer: Analyzer) -> list[str]:
    return topic_problems(analyzer, load_policy())


_REGISTRY: Registry[Analyzer] = Registry("auditor.analyzers", "offduty.analyzers", lambda a: a.name, _check_builtin)
register = _REGISTRY.register
is_builtin = _REGISTRY.is_builtin


def all_analyzers() -> dict[str, Analyzer]:
    return _REGISTRY.all()
