package org.civicplatform.core.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import org.civicplatform.core.problems.Outages.Dependency;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class OutagesTest {

  /** EclipseLink's wrapping as it reaches the mapper through the @Transactional interceptor. */
  static Throwable wrapped(Throwable jdbc) {
    return new TransactionalException("tx", new PersistenceException("Exception [EclipseLink-4002]", jdbc));
  }

  @Test
  void aConnectionRefusedByThePoolIsTheDatabaseBeingDown() {
    SQLException pool = new SQLException("Error in allocating a connection. Cause: Connection could not be allocated"
        + " because: Connection to localhost:15432 refused.", null, new ConnectException("Connection refused"));
    assertEquals(Optional.of(Dependency.DATABASE), Outages.of(wrapped(pool)));
  }

  @Test
  void postgresqlsAdministratorShutdownIsTheDatabaseBeingDown() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertEquals(Optional.of(Dependency.DATABASE), Outages.of(wrapped(terminated)));
  }

  @Test
  void anIoErrorOnAnOpenConnectionIsTheDatabaseBeingDown() {
    SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertEquals(Optional.of(Dependency.DATABASE), Outages.of(new RollbackException("commit failed") {
      {
        initCause(io);
      }
    }));
  }

  @Test
  void poolExhaustionIsTheDatabaseBeingUnavailable() {
    RuntimeException exhausted = new RuntimeException("RAR5117 : Failed to obtain/create connection from connection"
        + " pool [ civic ]. Reason : In-use connections equal max-pool-size and expired max-wait-time.");
    assertEquals(Optional.of(Dependency.DATABASE), Outages.of(new PersistenceException(exhausted)));
  }

  @Test
  void aConnectFailureUnderAnSqlExceptionFoundThroughGetNextExceptionCounts() {
    SQLException batch = new SQLException("Batch entry 0 insert … was aborted", "XX000");
    batch.setNextException(new SQLException("This connection has been closed.", "08003"));
    assertEquals(Optional.of(Dependency.DATABASE), Outages.of(wrapped(batch)));
  }

  @Test
  void anUnreachableKeycloakBehindTheAdminClientIsTheIdentityServiceBeingDown() {
    ProcessingException client = new ProcessingException("RESTEASY004655", new ConnectException("Connection refused"));
    assertEquals(Optional.of(Dependency.IDENTITY), Outages.of(client));
  }

  @Test
  void anOpenCircuitNobodyHandledIsAServiceBeingDown() {
    assertEquals(Optional.of(Dependency.SERVICE), Outages.of(new RuntimeException(new CircuitBreakerOpenException("open"))));
  }

  @Test
  void aConstraintViolationIsNoOutage() {
    SQLException unique = new SQLIntegrityConstraintViolationException("duplicate key value", "23505");
    assertEquals(Optional.empty(), Outages.of(wrapped(unique)));
  }

  @Test
  void aBugIsNoOutage() {
    assertEquals(Optional.empty(), Outages.of(new NullPointerException("x")));
    assertEquals(Optional.empty(), Outages.of(new ProcessingException("unreadable body")));
  }

  @Test
  void aCauseChainWithALoopEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertEquals(Optional.empty(), Outages.of(a));
  }

  @Test
  void theUnexpectedMapperAnswers503WithRetryAfterAndAProblemInBothLanguagesWhenTheDatabaseIsDown() {
    SQLException down = new SQLException("Connection to localhost:15432 refused.", "08001");
    Response response = new ProblemMappers.Unexpected().toResponse(wrapped(down));
    assertEquals(503, response.getStatus());
    assertEquals("5", String.valueOf(response.getHeaderString("Retry-After")));
    Problem problem = (Problem) response.getEntity();
    assertTrue(problem.type().endsWith(":database-unavailable"), problem.type());
    assertTrue(problem.detail().contains("数据库暂时无法访问"), problem.detail());
    assertTrue(problem.detailEn().contains("database cannot be reached"), problem.detailEn());
  }

  @Test
  void theUnexpectedMapperStillAnswers500ForABug() {
    assertEquals(500, new ProblemMappers.Unexpected().toResponse(new IllegalStateException("bug")).getStatus());
  }

  @Test
  void aKeycloakConnectFailureIsNoLongerTakenForAMalformedBody() {
    Response response = new ProblemMappers.UnreadableBody()
        .toResponse(new ProcessingException(new ConnectException("Connection refused")));
    assertEquals(503, response.getStatus());
    assertEquals("30", String.valueOf(response.getHeaderString("Retry-After")));
  }
}
