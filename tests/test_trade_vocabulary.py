"""The curated core's vocabulary of trades outside software (education.toml, healthcare.toml,
public-safety.toml, trades-and-operations.toml, hospitality.toml, legal.toml,
design-and-media.toml and the finance, banking, sales and HR parts of business.toml): each
trade's skills are found in a resume's skills list, and a name that is also an everyday word
("billing", "scheduling", "surveillance", "patrol") counts only there, never in a prose
sentence. The snippets are written for these tests, not taken from the shared resumes."""

from __future__ import annotations

import pytest

from skillmatch import Matcher


def _skills(matcher: Matcher, text: str, kind: str = "resume") -> set[str]:
    return {m.skill for m in matcher.extract(text, kind=kind).mentions}


@pytest.mark.parametrize(("text", "expected"), [
    ("Jane Roe\nSkills\nMonth-end close, Accruals, Fixed assets, Depreciation, Internal controls, "
     "Intercompany reconciliation, Billing, Tax, P&L\n",
     {"month-end-close", "accruals", "fixed-asset-accounting", "internal-controls",
      "intercompany-accounting", "billing", "taxation", "pnl-management"}),
    ("Jane Roe\nSkills\nAccounting, Marketing, Account reconciliations, Accounts payable\n",
     {"accounting", "marketing", "account-reconciliation"}),
    ("Jane Roe\nSkills\nVMware ESXi, vCenter, Cisco ASA, Nexus switches, F5 BIG-IP, IPsec, "
     "DMVPN, HDLC, Frame Relay, NetApp, Nutanix\n",
     {"vmware-vsphere", "cisco-asa", "cisco-nexus", "f5-big-ip", "ipsec", "dmvpn", "hdlc",
      "frame-relay", "netapp", "nutanix"}),
    ("Jane Roe\nSkills\nPolysomnography, EEG, CPAP titration, HIIT, Zumba, FMLA\n",
     {"polysomnography", "eeg", "cpap-titration", "personal-training", "leave-administration"}),
    ("Jane Roe\nSkills\nLoan processing, KYC, AML, Underwriting, Teller operations\n",
     {"loan-processing", "kyc", "aml", "underwriting", "teller-operations"}),
    ("Jane Roe\nSkills\nIEP development, Lesson planning, Curriculum development, "
     "Progress monitoring, Behavior management, Differentiated instruction, SMART Board\n",
     {"iep", "lesson-planning", "curriculum-development", "progress-monitoring",
      "behavior-management", "differentiated-instruction", "smart-board"}),
    ("Jane Roe\nSkills\nPatient care, Vital signs, Medical terminology, EMR charting, "
     "Phlebotomy, CPR, BLS, Infection control\n",
     {"patient-care", "vital-signs", "medical-terminology", "clinical-documentation",
      "phlebotomy", "cpr", "bls", "infection-control"}),
    ("Jane Roe\nSkills\nSurveillance, Report writing, Evidence collection, Chain of custody, "
     "Background investigations, First aid, Patrol, De-escalation\n",
     {"surveillance", "evidence-collection", "chain-of-custody", "background-investigations",
      "first-aid", "patrol", "de-escalation"}),
    ("Jane Roe\nSkills\nCash handling, Scheduling, Forklift operation, Loss prevention, "
     "Shipping and receiving, Blueprint reading, Estimating\n",
     {"cash-handling", "scheduling", "forklift-operation", "loss-prevention",
      "shipping-and-receiving", "blueprint-reading", "construction-estimating"}),
    ("Jane Roe\nSkills\nFood safety, ServSafe certified, Menu development, Kitchen management, "
     "Catering\n",
     {"food-safety", "servsafe", "menu-development", "kitchen-management", "catering"}),
    ("Jane Roe\nSkills\nRecruitment, Employee onboarding, HRIS, Kronos, Compensation "
     "administration, Business development, Key account management, Trade shows\n",
     {"recruitment", "onboarding", "hris", "kronos", "compensation-administration",
      "business-development", "key-account-management", "trade-shows"}),
    ("Jane Roe\nSkills\ncPanel, Plesk, SFTP, Novell NetWare, Structured cabling, Westlaw, "
     "Legal research, Graphic design, Photography\n",
     {"cpanel", "plesk", "sftp", "novell-netware", "structured-cabling", "westlaw",
      "legal-research", "graphic-design", "photography"}),
])
def test_trade_skills_in_a_skills_list(default_matcher: Matcher, text: str,
                                        expected: set[str]) -> None:
    """Every trade's skills are read from a resume's skills list."""
    assert expected <= _skills(default_matcher, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Experience\nStaff Accountant, Acme Corp\nAnswered questions about billing from walk-in "
     "customers and kept the lobby tidy.\n", {"billing"}),
    ("Experience\nOffice Assistant\nHandled scheduling of the conference room for the team "
     "every morning.\n", {"scheduling"}),
    ("Experience\nStore Clerk\nThe store was under constant surveillance by the owner, who "
     "also made me patrol the parking lot after closing.\n", {"surveillance", "patrol"}),
    ("Experience\nBarista\nI enjoy cooking and photography in my spare time, and I have "
     "been editing the church newsletter.\n", {"food-preparation", "photography", "editing"}),
    ("Summary\nA teacher who believes tutoring and welding both reward patience, and "
     "who is interested in tax law.\n", {"tutoring", "welding"}),
    ("Experience\nSales Lead\nGrew online sales, accounting for 30% of revenue, and "
     "worked with the marketing team on pricing.\n", {"accounting", "marketing"}),
    ("Summary\nOur model is a superset of the old one; we offer leave as per the FMLA.\n",
     {"apache-superset", "leave-administration"}),
])
def test_everyday_words_do_not_count_in_prose(default_matcher: Matcher, text: str,
                                              absent: set[str]) -> None:
    """A name that is also an everyday word is no skill in a prose sentence."""
    assert not absent & _skills(default_matcher, text)


def test_named_products_and_standards(default_matcher: Matcher) -> None:
    """Named products, standards and licences of products-and-standards.toml, in a skills list;
    an ordinary word among them counts only there ("Gong", "Flux")."""
    found = _skills(default_matcher, "Skills\nOkta, Azure AD, SOC 2, GDPR, Buildkite, Freshdesk, "
                    "Series 7, Vectorworks, Benchling, OPC UA, Modbus, Gong\n")
    assert {"okta", "microsoft-entra-id", "soc-2", "gdpr", "buildkite", "freshdesk",
            "finra-series-7", "vectorworks", "benchling", "opc-ua", "modbus", "gong"} <= found
    prose = _skills(default_matcher, "Experience\nRang the gong at 5 pm and kept the flux "
                    "capacitor clean.\n")
    assert not {"gong", "flux-cd"} & prose


def test_llm_engineering_names_of_2024_postings(default_matcher: Matcher) -> None:
    """Training and LLM-application names ML postings ask for: parallelism, mixed precision,
    DPO, tokenization, function calling, guardrails, and their frameworks."""
    found = _skills(default_matcher, "Requirements:\n- Experience with FSDP, Megatron and mixed "
                    "precision training.\n- Knowledge of DPO, tokenization, chain-of-thought "
                    "prompting and function calling.\n- Familiarity with Semantic Kernel, DSPy, "
                    "Ollama and Pub/Sub.\n", kind="posting")
    assert {"model-parallelism", "megatron-lm", "mixed-precision-training",
            "direct-preference-optimization", "tokenization", "chain-of-thought",
            "function-calling", "semantic-kernel", "dspy", "ollama", "google-pubsub"} <= found


def test_a_domain_word_before_its_noun_is_no_skill(default_matcher: Matcher) -> None:
    """"Marketing" and "accounting" qualifying a noun name a domain, not the skill."""
    found = _skills(default_matcher, "What you will do:\n- Build NLP for accounting "
                    "applications and multi-modal marketing content.\n", kind="posting")
    assert not {"accounting", "marketing"} & found


def test_data_loss_prevention_is_not_retail_loss_prevention(default_matcher: Matcher) -> None:
    """"Data loss prevention" in a security posting is its own skill, not shop-floor loss
    prevention."""
    found = _skills(default_matcher, "Requirements:\n- Experience with data loss prevention "
                                     "and encryption.\n", kind="posting")
    assert "loss-prevention" not in found and "data-loss-prevention" in found


def test_imported_product_short_names(default_matcher: Matcher) -> None:
    """Products resumes name by their short names (Peachtree, Great Plains, Lawson in a list)."""
    found = _skills(default_matcher, "Skills\nPeachtree, Great Plains, QuickBooks, Lawson, "
                                     "Excel\n")
    assert {"peachtree", "great-plains", "lawson"} <= found
