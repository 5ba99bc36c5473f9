package app.characters.infra.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.serialization.Serializer;

/**
 * Axon's dead-letter statements, except that the letters of one sequence (one aggregate) are retried in the order of
 * the aggregate's own sequence numbers rather than in the order they were dead-lettered.
 * <p>
 * The two differ exactly when it matters: an event that arrived late, after a gap in the global index, is dead-lettered
 * behind the later event that was refused because of it. Retried in arrival order the later event fails again and
 * the sequence stays stuck for good; in the aggregate's order the missing event goes first and both apply.
 * Letters without a sequence number (not from an aggregate) keep their arrival order.
 */
class AggregateOrderedDeadLetters extends DefaultDeadLetterStatementFactory<EventMessage<?>> {

    private final DeadLetterSchema schema;

    AggregateOrderedDeadLetters(DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer) {
        super(DefaultDeadLetterStatementFactory.<EventMessage<?>>builder()
                .schema(schema).genericSerializer(genericSerializer).eventSerializer(eventSerializer));
        this.schema = schema;
    }

    private String order(String alias) {
        return alias + schema.sequenceNumberColumn() + ", " + alias + schema.sequenceIndexColumn();
    }

    /** The first letter of every sequence, in the aggregate's order, whose sequence nobody is processing now. */
    @Override
    public PreparedStatement claimableSequencesStatement(Connection connection,
                                                         String processingGroup,
                                                         Instant processingStartedLimit,
                                                         int offset,
                                                         int maxSize) throws SQLException {
        String sql = "SELECT * FROM ("
                + "SELECT DISTINCT ON (" + schema.sequenceIdentifierColumn() + ") * "
                + "FROM " + schema.deadLetterTable() + " "
                + "WHERE " + schema.processingGroupColumn() + "=? "
                + "ORDER BY " + schema.sequenceIdentifierColumn() + ", " + order("")
                + ") first_letter "
                + "WHERE first_letter." + schema.processingStartedColumn() + " IS NULL "
                + "OR first_letter." + schema.processingStartedColumn() + "<? "
                + "ORDER BY first_letter." + schema.lastTouchedColumn() + " ASC "
                + "LIMIT ? OFFSET ?";
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, DateTimeUtils.formatInstant(processingStartedLimit));
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }

    /** The letter that follows, in the aggregate's order, the letter at the given index of the sequence. */
    @Override
    public PreparedStatement nextLetterInSequenceStatement(Connection connection,
                                                           String processingGroup,
                                                           String sequenceIdentifier,
                                                           long sequenceIndex) throws SQLException {
        String table = schema.deadLetterTable();
        String group = schema.processingGroupColumn();
        String sequence = schema.sequenceIdentifierColumn();
        String sql = "SELECT n.* FROM " + table + " n "
                + "WHERE n." + group + "=? AND n." + sequence + "=? "
                + "AND (" + order("n.") + ") > ("
                + "SELECT " + order("c.") + " FROM " + table + " c "
                + "WHERE c." + group + "=? AND c." + sequence + "=? AND c." + schema.sequenceIndexColumn() + "=?) "
                + "ORDER BY " + order("n.") + " LIMIT 1";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, processingGroup);
        statement.setString(2, sequenceIdentifier);
        statement.setString(3, processingGroup);
        statement.setString(4, sequenceIdentifier);
        statement.setLong(5, sequenceIndex);
        return statement;
    }
}
