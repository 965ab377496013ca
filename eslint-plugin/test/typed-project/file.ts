// Stands in for each typed rule-test case: the rule tester lints its code under this name.
