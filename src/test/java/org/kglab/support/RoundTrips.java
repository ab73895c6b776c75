package org.kglab.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records every query the service sends to either store, with the thread that sent it: each SQL statement prepared
 * on a connection of the data source, and each Cypher query run through the driver. Only test contexts that set
 * {@code kglab.test.round-trips=true} wrap their stores this way.
 */
@Singleton
@Requires(property = "kglab.test.round-trips", value = "true")
public final class RoundTrips {

    /** One query: which store, its text, and the thread that ran it. */
    public record Trip(String store, String text, String thread) {
    }

    private static final Set<String> SQL = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final Set<String> CYPHER = Set.of("run");
    private final List<Trip> trips = new ArrayList<>();

    public synchronized void clear() {
        trips.clear();
    }

    public synchronized List<Trip> trips() {
        return List.copyOf(trips);
    }

    private synchronized void record(String store, Object[] args) {
        String text = args == null || args.length == 0 ? "" : String.valueOf(args[0]);
        trips.add(new Trip(store, text, Thread.currentThread().getName()));
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    DataSource dataSource(DataSource target) {
        return wrap(DataSource.class, target, (proxy, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Connection c && method.getName().equals("getConnection") ? connection(c) : result;
        });
    }

    private Connection connection(Connection target) {
        return wrap(Connection.class, target, (proxy, method, args) -> {
            if (SQL.contains(method.getName())) {
                record("postgresql", args);
            }
            return call(target, method, args);
        });
    }

    Driver driver(Driver target) {
        return wrap(Driver.class, target, (proxy, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Session s && method.getName().equals("session") ? session(s) : result;
        });
    }

    private Session session(Session target) {
        return wrap(Session.class, target, (proxy, method, args) -> {
            if (CYPHER.contains(method.getName())) {
                record("neo4j", args);
            }
            if ((method.getName().equals("executeRead") || method.getName().equals("executeWrite"))
                    && args[0] instanceof TransactionCallback<?> work) {
                args[0] = (TransactionCallback<Object>) tx -> work.execute(transaction(tx));
            }
            return call(target, method, args);
        });
    }

    private TransactionContext transaction(TransactionContext target) {
        return wrap(TransactionContext.class, target, (proxy, method, args) -> {
            if (CYPHER.contains(method.getName())) {
                record("neo4j", args);
            }
            return call(target, method, args);
        });
    }

    @Singleton
    @Requires(property = "kglab.test.round-trips", value = "true")
    static final class CountedDataSource implements BeanCreatedEventListener<DataSource>, Ordered {

        private final RoundTrips trips;

        CountedDataSource(RoundTrips trips) {
            this.trips = trips;
        }

        @Override
        public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
            return trips.dataSource(event.getBean());
        }

        /** First, so that the connection management wraps the counted pool rather than the other way round. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Singleton
    @Requires(property = "kglab.test.round-trips", value = "true")
    static final class CountedDriver implements BeanCreatedEventListener<Driver> {

        private final RoundTrips trips;

        CountedDriver(RoundTrips trips) {
            this.trips = trips;
        }

        @Override
        public Driver onCreated(BeanCreatedEvent<Driver> event) {
            return trips.driver(event.getBean());
        }
    }
}
