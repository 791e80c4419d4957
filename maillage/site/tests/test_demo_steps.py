from maillage.core.demo_steps import DemoStage
from maillage.core.registry import app_modules
from maillage.site.demo import demo_steps


def test_every_app_demo_module_registers_its_step_and_the_path_follows_the_matches():
    # An app's demo.py without DEMO fails here (and load_demo_data fails loudly), not silently.
    modules = {config.label: module for config, module in app_modules("demo")}
    assert set(modules) == {
        "regions",
        "candidates",
        "employers",
        "activities",
        "matching",
        "households",
        "prequalification",
        "interviews",
        "fairness",
        "site",
    }
    steps = demo_steps()
    assert [step.stage for step in steps] == sorted(step.stage for step in steps)
    order = [step.build.__module__.split(".")[1] for step in steps]
    assert order == [
        "regions",
        "candidates",
        "employers",
        "activities",
        "matching",
        "households",
        "prequalification",
        "interviews",
        "fairness",
    ]
    assert {step.stage for step in steps} == set(DemoStage)
