/**
 * Spring's HTTP clients through the harness: {@link dev.replayharness.spring.HarnessSpring} wires a
 * {@code RestClient.Builder}, a {@code RestTemplate} or a {@code WebClient.Builder} to a session.
 */
package dev.replayharness.spring;
