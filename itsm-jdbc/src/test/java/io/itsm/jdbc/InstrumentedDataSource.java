package io.itsm.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source around a real one that records every statement executed (to count statements per
 * command) and, when armed, kills the session of the connection about to prepare a matching
 * statement: a connection that dies in the middle of a transaction, on a real database.
 */
final class InstrumentedDataSource implements DataSource {

  /** What must happen to a connection before it prepares a statement. */
  @FunctionalInterface
  interface Fault {
    void strike(Connection physical) throws SQLException;
  }

  private final DataSource delegate;
  final List<String> executed = new CopyOnWriteArrayList<>();
  private volatile Predicate<String> trigger;
  private volatile Fault fault;

  InstrumentedDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Kills the next connection that prepares a statement matching {@code trigger}, once. */
  void armOnce(Predicate<String> trigger, Fault fault) {
    this.fault = fault;
    this.trigger = trigger;
  }

  boolean fired() {
    return trigger == null;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection c) {
    InvocationHandler h = (proxy, m, args) -> {
      if ((m.getName().equals("prepareStatement") || m.getName().equals("createStatement"))) {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        Predicate<String> t = trigger;
        if (sql != null && t != null && t.test(sql)) {
          trigger = null;
          fault.strike(c);
        }
        Object st = invoke(c, m, args);
        return countingStatement((Statement) st, sql, m.getReturnType());
      }
      return invoke(c, m, args);
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, h);
  }

  private Object countingStatement(Statement st, String preparedSql, Class<?> type) {
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().startsWith("execute")) {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
        executed.add(m.getName().equals("executeBatch") ? "batch: " + sql : sql);
      }
      return invoke(st, m, args);
    };
    return Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {type == PreparedStatement.class ? PreparedStatement.class : Statement.class}, h);
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
