/**
 * Example: a team's triage policy tested with scenario files — as JUnit 5 dynamic tests with rule
 * coverage ({@code VipPolicyTest}) and as a standalone check ({@link
 * io.itsm.examples.policytest.PolicyCheck}).
 */
package io.itsm.examples.policytest;
