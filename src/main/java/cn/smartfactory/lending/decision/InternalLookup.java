package cn.smartfactory.lending.decision;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A read the platform makes for itself inside the engine (which table version a loan uses, what a
 * task was about); the engine boundary lets it through whoever is signed in, and it does its own
 * checks where one is due.
 */
public interface InternalLookup<T> extends Command<T> {
}
